// The strict callback crypto: WeCom's published test vector, a cross-check against Tencent's own @wecom/crypto in
// both directions on random messages, and the checks @wecom/crypto does not make (hostile input).
import { createCipheriv, randomBytes, randomInt } from 'node:crypto';
import * as wecom from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import {
  aesKeyOf,
  CallbackCryptoError,
  decryptMessage,
  encryptMessage,
  generateCallbackToken,
  generateEncodingAESKey,
  openMessage,
  sealReply,
  signature,
  signatureMatches,
  type CryptoFailure,
} from '../../../main/wecom/crypto';

// wecom-api.md §8 (go-workwx envelope/mod_test.go).
const V = {
  token: 'kz7Yx62CH8SaLN',
  key: 'cD0d7jx4tYvVtzqrmh3Dm3QFCXe6f8SlHoMtMh3qQEP',
  timestamp: '1583995625',
  nonce: '1584392382',
  sig: 'f265ae551b1932727204c3d707628d01376a6940',
  encrypt:
    'EUCt7xMcNiyASzZj0Hjc5yDjFQrCum6AfQ3ntHiUzjGQ51xieKmbvtrZ40/EcB2W/W8yH0n4Lqx48gJl/T9HD/R309I0P/r5pIZucK3lyEn48FYMr4YdE0QdL2jIJ3xkcXUr6uzefzCxG6lMvwpAJaOyVCzN7sRRw47njfxy5EIqU6R9ZBhlTzfdnhhOhK/nTwzrZX3SoGlXFA9OBeZ6ru1NWpXFk76x9DUMe0lcxPPiUqK8ctnQcYXSGUHVqC6DfG7E7mab0OmruNN8cBZY5d3dYOBA4OgaH55Q0AJmUpdT8vNiXpXx+6TxT3TIjySXpDrHVyrsb772aYywgg/Nu4kUmGkALwFZlzhjNegR7wDwb9lr4ERXsSSS8JZ8lbBmaQ3F2Tq584xoPj5rIhXAF734ynm4no1g+SdHiNqR328=',
  receiveId: 'ww6a112864f8022910',
};

const fails = (fn: () => unknown): CryptoFailure | null => {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof CallbackCryptoError) return e.reason;
    throw e;
  }
};

/** Encrypts raw plaintext bytes (any padding) the way a forger would. */
function rawCipher(keyB64: string, plain: Buffer): string {
  const key = aesKeyOf(keyB64);
  const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([c.update(plain), c.final()]).toString('base64');
}

const randomText = () => {
  const n = randomInt(0, 3000);
  const alphabet = 'abcXYZ019 <>&"\'\n\t中文消息企业微信🙂é';
  return Array.from({ length: n }, () => [...alphabet][randomInt(0, [...alphabet].length)]).join('');
};

describe('official test vector', () => {
  it('signature, decryption and ReceiveId', () => {
    expect(signature(V.token, V.timestamp, V.nonce, V.encrypt)).toBe(V.sig);
    expect(signatureMatches(V.sig, V.token, V.timestamp, V.nonce, V.encrypt)).toBe(true);
    const d = decryptMessage(aesKeyOf(V.key), V.encrypt);
    expect(d.receiveId).toBe(V.receiveId);
    expect(d.message).toContain('<FromUserName><![CDATA[foobar]]></FromUserName>');
    expect(d.message).toContain('<Content><![CDATA[x123]]></Content>');
    expect(d.message).toContain('<MsgId>2018405441</MsgId>');
    expect(d.message).toContain('<AgentID>1000002</AgentID>');
    const msg = openMessage({ token: V.token, key: aesKeyOf(V.key), receiveId: V.receiveId }, { msg_signature: V.sig, timestamp: V.timestamp, nonce: V.nonce }, V.encrypt);
    expect(msg).toBe(d.message);
  });

  it('agrees with @wecom/crypto on the vector', () => {
    expect(wecom.getSignature(V.token, V.timestamp, V.nonce, V.encrypt)).toBe(V.sig);
    const theirs = wecom.decrypt(V.key, V.encrypt);
    const ours = decryptMessage(aesKeyOf(V.key), V.encrypt);
    expect(ours).toEqual({ message: theirs.message, receiveId: theirs.id });
  });

  it('a wrong ReceiveId, Token or signature is refused', () => {
    const keys = { token: V.token, key: aesKeyOf(V.key), receiveId: V.receiveId };
    const q = { msg_signature: V.sig, timestamp: V.timestamp, nonce: V.nonce };
    expect(fails(() => openMessage({ ...keys, receiveId: 'wwOTHER' }, q, V.encrypt))).toBe('receive_id');
    expect(fails(() => openMessage({ ...keys, token: 'other' }, q, V.encrypt))).toBe('signature');
    expect(fails(() => openMessage(keys, { ...q, timestamp: '1583995626' }, V.encrypt))).toBe('signature');
    expect(fails(() => openMessage(keys, { ...q, msg_signature: V.sig.slice(0, 39) }, V.encrypt))).toBe('signature');
    expect(openMessage(keys, { ...q, msg_signature: V.sig.toUpperCase() }, V.encrypt)).toContain('x123');
  });
});

describe('cross-check with @wecom/crypto on random messages', () => {
  it('ours → theirs and theirs → ours, 300 messages each way', () => {
    for (let i = 0; i < 300; i++) {
      const key = generateEncodingAESKey();
      const id = `ww${randomBytes(8).toString('hex')}`;
      const msg = randomText();
      const random = randomBytes(16);
      const ours = encryptMessage(aesKeyOf(key), msg, id, random);
      expect(ours).toBe(wecom.encrypt(key, msg, id, random));
      const back = wecom.decrypt(key, ours);
      expect([back.message, back.id]).toEqual([msg, id]);
      const theirs = wecom.encrypt(key, msg, id);
      expect(decryptMessage(aesKeyOf(key), theirs)).toEqual({ message: msg, receiveId: id });
      const token = generateCallbackToken();
      const [ts, nonce] = [String(randomInt(1e9, 2e9)), String(randomInt(1e8, 2e9))];
      expect(signature(token, ts, nonce, theirs)).toBe(wecom.getSignature(token, ts, nonce, theirs));
    }
  });

  it('a sealed passive reply opens with @wecom/crypto', () => {
    const key = generateEncodingAESKey();
    const token = generateCallbackToken();
    const xml = sealReply({ token, key: aesKeyOf(key), receiveId: 'wwcorp' }, '<xml><Content><![CDATA[你好]]></Content></xml>', '1700000000', '12345');
    const encrypt = /<Encrypt><!\[CDATA\[(.+?)\]\]><\/Encrypt>/.exec(xml)![1];
    const sig = /<MsgSignature><!\[CDATA\[(.+?)\]\]><\/MsgSignature>/.exec(xml)![1];
    expect(sig).toBe(wecom.getSignature(token, '1700000000', '12345', encrypt));
    expect(wecom.decrypt(key, encrypt)).toMatchObject({ message: '<xml><Content><![CDATA[你好]]></Content></xml>', id: 'wwcorp' });
    expect(xml).toContain('<TimeStamp>1700000000</TimeStamp>');
  });
});

describe('hostile input (checks @wecom/crypto does not make)', () => {
  const key = generateEncodingAESKey();
  const k = aesKeyOf(key);
  const frame = (msg: Buffer, id: string) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(msg.length);
    return Buffer.concat([randomBytes(16), len, msg, Buffer.from(id)]);
  };
  const pad = (b: Buffer, n: number) => Buffer.concat([b, Buffer.alloc(n, n)]);
  const pad32 = (b: Buffer) => pad(b, 32 - (b.length % 32));

  it('bad padding values and inconsistent pad bytes', () => {
    const body = frame(Buffer.from('<xml/>'), 'ww1');
    const fill = 32 - (body.length % 32);
    const good = rawCipher(key, pad(body, fill));
    expect(decryptMessage(k, good).message).toBe('<xml/>');
    const zeroPad = Buffer.concat([body, Buffer.alloc(fill, 0)]);
    expect(fails(() => decryptMessage(k, rawCipher(key, zeroPad)))).toBe('padding');
    const mixed = pad(body, fill);
    mixed[mixed.length - 2] ^= 1;
    expect(fails(() => decryptMessage(k, rawCipher(key, mixed)))).toBe('padding');
    const big = Buffer.concat([randomBytes(32), Buffer.alloc(32, 33)]);
    expect(fails(() => decryptMessage(k, rawCipher(key, big)))).toBe('padding');
  });

  it('length prefix beyond the plaintext, too short plaintext, invalid UTF-8', () => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(5000);
    expect(fails(() => decryptMessage(k, rawCipher(key, pad32(Buffer.concat([randomBytes(16), len, Buffer.from('abc')])))))).toBe('framing');
    expect(fails(() => decryptMessage(k, rawCipher(key, pad32(randomBytes(10)))))).toBe('framing');
    expect(fails(() => decryptMessage(k, rawCipher(key, pad32(frame(Buffer.from([0xff, 0xfe, 0x41]), 'ww1')))))).toBe('utf8');
  });

  it('base64 and block size', () => {
    const good = encryptMessage(k, 'hello', 'ww1');
    expect(fails(() => decryptMessage(k, ''))).toBe('base64');
    expect(fails(() => decryptMessage(k, `${good}=`))).toBe('base64');
    expect(fails(() => decryptMessage(k, good.replace(/.$/, '!')))).toBe('base64');
    expect(fails(() => decryptMessage(k, `${good.slice(0, -4)} ${good.slice(-3)}`))).toBe('base64');
    expect(fails(() => decryptMessage(k, Buffer.alloc(16).toString('base64')))).toBe('length');
    expect(fails(() => decryptMessage(k, Buffer.alloc(48).toString('base64')))).toBe('length');
    expect(fails(() => decryptMessage(k, Buffer.alloc(64).toString('base64'), 32))).toBe('length');
  });

  it('EncodingAESKey shape; generated secrets are random alphanumerics', () => {
    expect(fails(() => aesKeyOf('short'))).toBe('aes_key');
    expect(fails(() => aesKeyOf(`${key.slice(0, 42)}+`))).toBe('aes_key');
    const keys = new Set(Array.from({ length: 200 }, generateEncodingAESKey));
    expect(keys.size).toBe(200);
    for (const x of keys) expect(x).toMatch(/^[A-Za-z0-9]{43}$/);
    expect(generateCallbackToken()).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('random garbage never throws anything but CallbackCryptoError', () => {
    for (let i = 0; i < 2000; i++) {
      const junk = randomBytes(randomInt(0, 200)).toString(i % 2 ? 'base64' : 'latin1');
      const r = fails(() => decryptMessage(k, junk));
      expect(r).not.toBeNull();
    }
  });
});
