// WeCom callback crypto (wecom-api.md §8), strict, on node:crypto. Receivers face hostile input, so unlike
// `@wecom/crypto` every step is checked: signature compared in constant time BEFORE any decryption, strict
// base64, ciphertext a whole number of 32-byte blocks within bounds, PKCS#7 padding 1–32 with every pad byte
// checked, the length prefix inside the plaintext, UTF-8 validity, and ReceiveId = CorpID.
//   signature = lower-hex sha1 of the sorted concatenation of [token, timestamp, nonce, encrypt]
//   key = base64(EncodingAESKey + "="), AES-256-CBC, IV = key[0:16], PKCS#7 to a multiple of 32
//   plaintext = random(16) ‖ uint32be(len(msg)) ‖ msg ‖ receiveid
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PAD_BLOCK = 32;
/** Upper bound on a decoded ciphertext; WeCom's callbacks are a few KB. */
export const MAX_CIPHERTEXT_BYTES = 256 * 1024;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const utf8 = new TextDecoder('utf-8', { fatal: true });

// The 16 random bytes of every passive reply and its nonce come from a pooled randomBytes buffer: one
// getrandom per 256 replies instead of one each (the reply path runs thousands of times per second).
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let poolAt = 0;
function pooledRandom(n: number): Buffer {
  if (poolAt + n > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolAt = 0;
  }
  const out = Buffer.from(pool.subarray(poolAt, poolAt + n));
  poolAt += n;
  return out;
}

/** Why a message was refused; stable codes, counted by the receiver and never sent to the caller. */
export type CryptoFailure = 'aes_key' | 'signature' | 'base64' | 'length' | 'padding' | 'framing' | 'utf8' | 'receive_id';

export class CallbackCryptoError extends Error {
  constructor(readonly reason: CryptoFailure) {
    super(`callback crypto: ${reason}`);
  }
}

export const isEncodingAESKey = (key: string): boolean => /^[A-Za-z0-9]{43}$/.test(key);
export const isCallbackToken = (token: string): boolean => /^[A-Za-z0-9]{1,32}$/.test(token);

export function aesKeyOf(encodingAESKey: string): Buffer {
  if (!isEncodingAESKey(encodingAESKey)) throw new CallbackCryptoError('aes_key');
  const key = Buffer.from(`${encodingAESKey}=`, 'base64');
  if (key.length !== 32) throw new CallbackCryptoError('aes_key');
  return key;
}

/** `n` characters of [A-Za-z0-9] from crypto.randomBytes, by rejection sampling (no modulo bias). */
export function randomAlnum(n: number): string {
  let out = '';
  while (out.length < n) {
    for (const b of randomBytes(n * 2)) {
      if (b < 248 && out.length < n) out += ALNUM[b % 62];
    }
  }
  return out;
}

export const generateEncodingAESKey = (): string => randomAlnum(43);
export const generateCallbackToken = (): string => randomAlnum(32);

export function signature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex');
}

/** Constant-time comparison of a presented msg_signature with the one computed from our Token. */
export function signatureMatches(presented: string, token: string, timestamp: string, nonce: string, encrypt: string): boolean {
  const expected = Buffer.from(signature(token, timestamp, nonce, encrypt), 'latin1');
  const given = Buffer.from(presented.toLowerCase(), 'latin1');
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected); // keep the work the same for malformed input
    return false;
  }
  return timingSafeEqual(expected, given);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function strictBase64(s: string): Buffer {
  if (s.length === 0 || s.length % 4 !== 0 || !BASE64.test(s)) throw new CallbackCryptoError('base64');
  const data = Buffer.from(s, 'base64');
  // Non-canonical encodings (stray bits in the last character) do not round-trip.
  if (data.toString('base64') !== s) throw new CallbackCryptoError('base64');
  return data;
}

function pkcs7Pad(buf: Buffer): Buffer {
  const pad = PAD_BLOCK - (buf.length % PAD_BLOCK);
  return Buffer.concat([buf, Buffer.alloc(pad, pad)]);
}

function pkcs7Unpad(buf: Buffer): Buffer {
  const pad = buf[buf.length - 1];
  if (pad < 1 || pad > PAD_BLOCK || pad > buf.length) throw new CallbackCryptoError('padding');
  for (let i = buf.length - pad; i < buf.length; i++) if (buf[i] !== pad) throw new CallbackCryptoError('padding');
  return buf.subarray(0, buf.length - pad);
}

export interface Decrypted {
  message: string;
  receiveId: string;
}

/** Decrypts an `Encrypt` value; throws CallbackCryptoError for anything not exactly in WeCom's format. */
export function decryptMessage(key: Buffer, encrypt: string, maxBytes = MAX_CIPHERTEXT_BYTES): Decrypted {
  if (encrypt.length > Math.ceil((maxBytes * 4) / 3) + 4) throw new CallbackCryptoError('length');
  const data = strictBase64(encrypt);
  if (data.length < PAD_BLOCK || data.length % PAD_BLOCK !== 0 || data.length > maxBytes) {
    throw new CallbackCryptoError('length');
  }
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const plain = pkcs7Unpad(Buffer.concat([decipher.update(data), decipher.final()]));
  if (plain.length < 20) throw new CallbackCryptoError('framing');
  const len = plain.readUInt32BE(16);
  if (len > plain.length - 20) throw new CallbackCryptoError('framing');
  try {
    return { message: utf8.decode(plain.subarray(20, 20 + len)), receiveId: utf8.decode(plain.subarray(20 + len)) };
  } catch {
    throw new CallbackCryptoError('utf8');
  }
}

export function encryptMessage(key: Buffer, message: string, receiveId: string, random16: Buffer = pooledRandom(16)): string {
  if (random16.length !== 16) throw new RangeError('random prefix must be 16 bytes');
  const body = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length, 0);
  const plain = pkcs7Pad(Buffer.concat([random16, len, body, Buffer.from(receiveId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

export interface CallbackKeys {
  token: string;
  key: Buffer;
  receiveId: string;
}

export interface SignedQuery {
  msg_signature: string;
  timestamp: string;
  nonce: string;
}

/** Signature first (no decryption for forged requests), then decryption, then the ReceiveId. */
export function openMessage(keys: CallbackKeys, q: SignedQuery, encrypt: string): string {
  if (!signatureMatches(q.msg_signature, keys.token, q.timestamp, q.nonce, encrypt)) throw new CallbackCryptoError('signature');
  const d = decryptMessage(keys.key, encrypt);
  if (d.receiveId !== keys.receiveId) throw new CallbackCryptoError('receive_id');
  return d.message;
}

/** The passive reply envelope: the reply XML encrypted and signed like an incoming message. */
export function sealReply(keys: CallbackKeys, replyXml: string, timestamp: string, nonce = String(100_000_000 + (pooledRandom(4).readUInt32BE(0) % 1_900_000_000))): string {
  const encrypt = encryptMessage(keys.key, replyXml, keys.receiveId);
  const sig = signature(keys.token, timestamp, nonce, encrypt);
  return (
    `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt><MsgSignature><![CDATA[${sig}]]></MsgSignature>` +
    `<TimeStamp>${timestamp}</TimeStamp><Nonce><![CDATA[${nonce}]]></Nonce></xml>`
  );
}
