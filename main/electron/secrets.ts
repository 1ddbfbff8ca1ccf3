// The desktop secret box: Electron safeStorage (OS keychain / DPAPI / libsecret) seals new secrets;
// the CLI's key file stays readable as a secondary, so secrets entered headless still open here.
import type { SafeStorage } from 'electron';
import { join } from 'node:path';
import { createSecretBox, keyFileCipher, type SecretBox, type SecretCipher } from '../core/secret-box';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export function safeStorageCipher(safeStorage: SafeStorageLike): SecretCipher {
  return {
    scheme: 'ss',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}

/**
 * Is safeStorage worth using? On Linux without a keyring Electron falls back to 'basic_text', a
 * hard-coded password: no better than plain text, and worse than a 0600 key file.
 */
export function safeStorageUsable(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
  return true;
}

export function electronSecretBox(
  safeStorage: SafeStorageLike,
  dataDir: string,
  log: (msg: string) => void = console.warn,
  platform: NodeJS.Platform = process.platform,
): SecretBox {
  const keyPath = join(dataDir, 'secret.key');
  if (!safeStorageUsable(safeStorage, platform)) {
    log(`系统钥匙串不可用，改用密钥文件 ${keyPath} / OS keychain unavailable; using the key file instead`);
    const kf = keyFileCipher(keyPath, { create: true });
    if (!kf) throw new Error(`无法创建密钥文件 ${keyPath}`);
    return createSecretBox(kf);
  }
  let secondary: SecretCipher | null = null;
  try {
    secondary = keyFileCipher(keyPath, { create: false });
  } catch (err) {
    // A bad key file must not stop the app: only the secrets it sealed become unavailable.
    log(`密钥文件不可用 / key file unusable: ${err instanceof Error ? err.message : String(err)}`);
  }
  return createSecretBox(safeStorageCipher(safeStorage), [secondary].filter((c): c is SecretCipher => c !== null));
}
