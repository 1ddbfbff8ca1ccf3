// WeCom's callback crypto (wecom-api.md §8): signature = sha1 over the sorted [token, timestamp, nonce, encrypt];
// AES-256-CBC with key = base64(EncodingAESKey + "="), IV = key[0:16], PKCS#7 padding to a multiple of 32;
// plaintext = random(16) ‖ uint32be(len(msg)) ‖ msg ‖ receiveid.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const BLOCK = 32;

export class CallbackCryptoError extends Error {
  constructor(
    /** The sample library's codes: -40001 signature, -40004 AESKey, -40005 receiveid, -40007 decrypt. */
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export function isValidEncodingAESKey(key: string): boolean {
  return /^[A-Za-z0-9]{43}$/.test(key);
}

export function aesKeyBytes(encodingAESKey: string): Buffer {
  if (!isValidEncodingAESKey(encodingAESKey)) throw new CallbackCryptoError(-40004, 'EncodingAESKey must be 43 letters/digits');
  const key = Buffer.from(`${encodingAESKey}=`, 'base64');
  if (key.length !== 32) throw new CallbackCryptoError(-40004, 'EncodingAESKey does not decode to 32 bytes');
  return key;
}

/** Lower-hex sha1 of the lexicographically sorted concatenation of token, timestamp, nonce and encrypt. */
export function callbackSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  const joined = [token, timestamp, nonce, encrypt].sort().join('');
  return createHash('sha1').update(joined).digest('hex');
}

function pkcs7Pad(buf: Buffer): Buffer {
  const pad = BLOCK - (buf.length % BLOCK);
  return Buffer.concat([buf, Buffer.alloc(pad, pad)]);
}

function pkcs7Unpad(buf: Buffer): Buffer {
  const pad = buf[buf.length - 1];
  if (pad < 1 || pad > BLOCK || pad > buf.length) throw new CallbackCryptoError(-40007, 'bad PKCS#7 padding');
  return buf.subarray(0, buf.length - pad);
}

/** The base64 `Encrypt` value for `msg`; `random16` only to reproduce a known ciphertext (tests). */
export function encryptCallbackMessage(encodingAESKey: string, msg: string, receiveId: string, random16?: Buffer): string {
  const key = aesKeyBytes(encodingAESKey);
  const body = Buffer.from(msg, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length, 0);
  const rnd = random16 ?? randomBytes(16);
  if (rnd.length !== 16) throw new CallbackCryptoError(-40006, 'random prefix must be 16 bytes');
  const plain = pkcs7Pad(Buffer.concat([rnd, len, body, Buffer.from(receiveId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

export interface DecryptedCallback {
  message: string;
  receiveId: string;
  random: Buffer;
}

export function decryptCallbackMessage(encodingAESKey: string, encrypt: string): DecryptedCallback {
  const key = aesKeyBytes(encodingAESKey);
  const data = Buffer.from(encrypt, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) throw new CallbackCryptoError(-40007, 'ciphertext length is not a multiple of 16');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    plain = pkcs7Unpad(Buffer.concat([decipher.update(data), decipher.final()]));
  } catch (e) {
    if (e instanceof CallbackCryptoError) throw e;
    throw new CallbackCryptoError(-40007, 'AES decryption failed');
  }
  if (plain.length < 20) throw new CallbackCryptoError(-40007, 'plaintext too short');
  const len = plain.readUInt32BE(16);
  if (20 + len > plain.length) throw new CallbackCryptoError(-40007, 'message length exceeds plaintext');
  return {
    random: plain.subarray(0, 16),
    message: plain.subarray(20, 20 + len).toString('utf8'),
    receiveId: plain.subarray(20 + len).toString('utf8'),
  };
}

/** Checks the signature, decrypts and checks the receiveid, as a receiver must. */
export function openCallback(
  params: { token: string; encodingAESKey: string; receiveId: string },
  query: { msg_signature: string; timestamp: string; nonce: string },
  encrypt: string,
): string {
  if (callbackSignature(params.token, query.timestamp, query.nonce, encrypt) !== query.msg_signature) {
    throw new CallbackCryptoError(-40001, 'signature mismatch');
  }
  const d = decryptCallbackMessage(params.encodingAESKey, encrypt);
  if (d.receiveId !== params.receiveId) throw new CallbackCryptoError(-40005, 'receiveid mismatch');
  return d.message;
}

/** A fresh EncodingAESKey: 43 characters of [A-Za-z0-9]. */
export function generateEncodingAESKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(43);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return s;
}
