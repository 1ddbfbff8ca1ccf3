// The desktop secret box: safeStorage first, the CLI's key file readable as a secondary.
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { electronSecretBox, safeStorageUsable } from '../../../main/electron/secrets';
import { headlessSecretBox, SecretUnavailableError } from '../../../main/core/secret-box';

/** Stands in for Electron's safeStorage: a reversible transform marked so we can tell it was used. */
function fakeSafeStorage(available = true, backend: string = 'gnome_libsecret') {
  return {
    isEncryptionAvailable: vi.fn(() => available),
    getSelectedStorageBackend: vi.fn(() => backend as any),
    encryptString: vi.fn((s: string) => Buffer.from(`SS(${s})`, 'utf8').reverse()),
    decryptString: vi.fn((b: Buffer) => {
      const s = Buffer.from(b).reverse().toString('utf8');
      if (!s.startsWith('SS(')) throw new Error('bad');
      return s.slice(3, -1);
    }),
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('electronSecretBox', () => {
  it('seals with safeStorage when it is available, and does not create a key file', () => {
    const ss = fakeSafeStorage();
    const box = electronSecretBox(ss, dir, vi.fn(), 'win32');
    expect(box.kind).toBe('safeStorage');
    const sealed = box.seal('corp-secret-123');
    expect(sealed).toMatch(/^enc:v1:ss:/);
    expect(ss.encryptString).toHaveBeenCalledWith('corp-secret-123');
    expect(box.open(sealed)).toBe('corp-secret-123');
    expect(existsSync(join(dir, 'secret.key'))).toBe(false);
  });

  it('still opens values the CLI sealed with the key file', () => {
    const cli = headlessSecretBox(join(dir, 'secret.key'));
    const fromCli = cli.seal('from-the-cli');
    const box = electronSecretBox(fakeSafeStorage(), dir, vi.fn(), 'darwin');
    expect(box.open(fromCli)).toBe('from-the-cli');
    expect(box.seal('new')).toMatch(/^enc:v1:ss:/);
  });

  it('without a key file, key-file values are reported as unavailable (not garbled)', () => {
    const other = mkdtempSync(join(tmpdir(), 'wb-secrets-other-'));
    try {
      const fromCli = headlessSecretBox(join(other, 'secret.key')).seal('x');
      const box = electronSecretBox(fakeSafeStorage(), dir, vi.fn(), 'win32');
      expect(() => box.open(fromCli)).toThrow(SecretUnavailableError);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('falls back to the key file as primary when safeStorage is unavailable, and says so', () => {
    const log = vi.fn();
    const ss = fakeSafeStorage(false);
    const box = electronSecretBox(ss, dir, log, 'linux');
    expect(box.kind).toBe('keyFile');
    expect(log).toHaveBeenCalledTimes(1);
    const sealed = box.seal('s3cret');
    expect(sealed).toMatch(/^enc:v1:kf:/);
    expect(box.open(sealed)).toBe('s3cret');
    expect(ss.encryptString).not.toHaveBeenCalled();
    if (process.platform !== 'win32') expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it("treats Linux 'basic_text' (a hard-coded password) as unavailable", () => {
    expect(safeStorageUsable(fakeSafeStorage(true, 'basic_text'), 'linux')).toBe(false);
    expect(safeStorageUsable(fakeSafeStorage(true, 'kwallet5'), 'linux')).toBe(true);
    expect(safeStorageUsable(fakeSafeStorage(true, 'basic_text'), 'darwin')).toBe(true);
    expect(electronSecretBox(fakeSafeStorage(true, 'basic_text'), dir, vi.fn(), 'linux').kind).toBe('keyFile');
  });

  it('a broken key file is logged, not fatal, when safeStorage is primary', () => {
    writeFileSync(join(dir, 'secret.key'), Buffer.alloc(5), { mode: 0o600 });
    const log = vi.fn();
    const box = electronSecretBox(fakeSafeStorage(), dir, log, 'win32');
    expect(log).toHaveBeenCalledTimes(1);
    expect(box.open(box.seal('ok'))).toBe('ok');
  });
});
