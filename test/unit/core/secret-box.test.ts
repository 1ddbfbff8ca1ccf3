import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox, headlessSecretBox, keyFileCipher, redact, SecretUnavailableError, type SecretCipher } from '../../../main/core/secret-box';
import { tempDir } from '../../helpers/tmp';

const dirs: { cleanup(): void }[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d.path;
};
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

/** Stands in for Electron safeStorage (XOR is enough to tell the schemes apart in tests). */
const fakeSafeStorage: SecretCipher = {
  scheme: 'ss',
  encrypt: (p) => Buffer.from(Buffer.from(p, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (d) => Buffer.from(d.map((b) => b ^ 0x5a)).toString('utf8'),
};

describe('secret box', () => {
  it('seals to a tagged ciphertext that does not contain the secret and opens it again', () => {
    const box = headlessSecretBox(join(dir(), 'secret.key'));
    const sealed = box.seal('my-app-secret-123');
    expect(sealed).toMatch(/^enc:v1:kf:/);
    expect(sealed).not.toContain('my-app-secret-123');
    expect(box.seal('my-app-secret-123')).not.toBe(sealed); // random IV
    expect(box.open(sealed)).toBe('my-app-secret-123');
  });

  it('creates the key file with mode 0600 and refuses a key file others can read', () => {
    const d = dir();
    const path = join(d, 'secret.key');
    headlessSecretBox(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    chmodSync(path, 0o644);
    expect(() => headlessSecretBox(path)).toThrow(/chmod 600/);
  });

  it('detects tampering and a replaced key file', () => {
    const d = dir();
    const box = headlessSecretBox(join(d, 'secret.key'));
    const sealed = box.seal('abc');
    const raw = Buffer.from(sealed.slice('enc:v1:kf:'.length), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`enc:v1:kf:${raw.toString('base64')}`)).toThrow(SecretUnavailableError);
    const other = join(dir(), 'secret.key');
    writeFileSync(other, Buffer.alloc(32, 7), { mode: 0o600 });
    expect(() => headlessSecretBox(other).open(sealed)).toThrow(/无法解密/);
  });

  it('a value sealed by the desktop app (safeStorage) is reported clearly in headless mode', () => {
    const d = dir();
    const desktop = createSecretBox(fakeSafeStorage, [keyFileCipher(join(d, 'secret.key'))!]);
    const fromDesktop = desktop.seal('s1');
    expect(desktop.kind).toBe('safeStorage');
    expect(() => headlessSecretBox(join(d, 'secret.key')).open(fromDesktop)).toThrow(/桌面应用/);
    // …while the desktop app still opens what the CLI sealed with the shared key file.
    const fromCli = headlessSecretBox(join(d, 'secret.key')).seal('s2');
    expect(desktop.open(fromCli)).toBe('s2');
  });

  it('redacts known secret values from text', () => {
    expect(redact('token=abcd1234 and abcd1234', ['abcd1234'])).toBe('token=*** and ***');
  });
});
