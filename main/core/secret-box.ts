// Secrets are stored only as ciphertext from a SecretBox. The stored form names its scheme, so a data
// dir shared by the desktop app (safeStorage) and the CLI (key file) fails clearly instead of garbling.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One way of turning a secret into bytes only this machine/user can turn back. */
export interface SecretCipher {
  readonly scheme: 'ss' | 'kf';
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

export class SecretUnavailableError extends Error {
  readonly code = 'secret_unavailable';
}

export interface SecretBox {
  readonly kind: 'safeStorage' | 'keyFile';
  seal(plain: string): string;
  open(sealed: string): string;
}

const PREFIX = 'enc:v1:';

export function createSecretBox(primary: SecretCipher, others: SecretCipher[] = []): SecretBox {
  const byScheme = new Map<string, SecretCipher>([[primary.scheme, primary], ...others.map((c) => [c.scheme, c] as const)]);
  return {
    kind: primary.scheme === 'ss' ? 'safeStorage' : 'keyFile',
    seal(plain) {
      return `${PREFIX}${primary.scheme}:${primary.encrypt(plain).toString('base64')}`;
    },
    open(sealed) {
      const m = /^enc:v1:(ss|kf):([A-Za-z0-9+/=]+)$/.exec(sealed);
      if (!m) throw new SecretUnavailableError('存储的密钥格式无法识别（数据可能已损坏）');
      const cipher = byScheme.get(m[1]);
      if (!cipher) {
        throw new SecretUnavailableError(
          m[1] === 'ss'
            ? '该密钥由桌面应用用系统钥匙串加密，命令行/无界面模式无法解密：请在桌面应用中操作，或重新填写该密钥'
            : '该密钥由无界面模式的密钥文件加密，但找不到可用的密钥文件（secret.key）：请重新填写该密钥',
        );
      }
      try {
        return cipher.decrypt(Buffer.from(m[2], 'base64'));
      } catch {
        throw new SecretUnavailableError('密钥无法解密（密钥文件已更换或数据被改动）：请重新填写该密钥');
      }
    },
  };
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random 32-byte key kept in `<dataDir>/secret.key` (mode 0600), for headless mode
 * and the CLI. The key is created on first use; a key file readable by others is refused.
 */
export function keyFileCipher(keyPath: string, opts: { create: boolean } = { create: true }): SecretCipher | null {
  let key: Buffer;
  if (existsSync(keyPath)) {
    const mode = statSync(keyPath).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new SecretUnavailableError(`密钥文件 ${keyPath} 的权限过宽（${mode.toString(8)}），请执行 chmod 600 后重试`);
    }
    key = readFileSync(keyPath);
    if (key.length !== KEY_BYTES) throw new SecretUnavailableError(`密钥文件 ${keyPath} 已损坏（长度不对）`);
  } else {
    if (!opts.create) return null;
    mkdirSync(dirname(keyPath), { recursive: true, mode: 0o700 });
    key = randomBytes(KEY_BYTES);
    writeFileSync(keyPath, key, { mode: 0o600, flag: 'wx' });
    chmodSync(keyPath, 0o600);
  }
  return {
    scheme: 'kf',
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      if (data.length < IV_BYTES + TAG_BYTES) throw new Error('short');
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      d.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([d.update(data.subarray(IV_BYTES + TAG_BYTES)), d.final()]).toString('utf8');
    },
  };
}

/** The headless/CLI box: key file only (safeStorage-sealed values are reported as unavailable). */
export function headlessSecretBox(keyPath: string): SecretBox {
  const kf = keyFileCipher(keyPath);
  if (!kf) throw new SecretUnavailableError('无法创建密钥文件');
  return createSecretBox(kf);
}

/** Replace every known secret value in a text by a mask; used by logs and error messages. */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  return out;
}
