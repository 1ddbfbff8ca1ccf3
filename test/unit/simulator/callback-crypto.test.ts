import { describe, expect, it } from 'vitest';
import {
  CallbackCryptoError,
  callbackSignature,
  decryptCallbackMessage,
  encryptCallbackMessage,
  generateEncodingAESKey,
  isValidEncodingAESKey,
  openCallback,
} from '../../../main/simulator/callback-crypto';

// The official vector quoted in shared/wecom-api.md §8 (go-workwx envelope/mod_test.go).
const V = {
  token: 'kz7Yx62CH8SaLN',
  key: 'cD0d7jx4tYvVtzqrmh3Dm3QFCXe6f8SlHoMtMh3qQEP',
  timestamp: '1583995625',
  nonce: '1584392382',
  signature: 'f265ae551b1932727204c3d707628d01376a6940',
  receiveId: 'ww6a112864f8022910',
  encrypt:
    'EUCt7xMcNiyASzZj0Hjc5yDjFQrCum6AfQ3ntHiUzjGQ51xieKmbvtrZ40/EcB2W/W8yH0n4Lqx48gJl/T9HD/R309I0P/r5pIZucK3lyEn48FYMr4YdE0QdL2jIJ3xkcXUr6uzefzCxG6lMvwpAJaOyVCzN7sRRw47njfxy5EIqU6R9ZBhlTzfdnhhOhK/nTwzrZX3SoGlXFA9OBeZ6ru1NWpXFk76x9DUMe0lcxPPiUqK8ctnQcYXSGUHVqC6DfG7E7mab0OmruNN8cBZY5d3dYOBA4OgaH55Q0AJmUpdT8vNiXpXx+6TxT3TIjySXpDrHVyrsb772aYywgg/Nu4kUmGkALwFZlzhjNegR7wDwb9lr4ERXsSSS8JZ8lbBmaQ3F2Tq584xoPj5rIhXAF734ynm4no1g+SdHiNqR328=',
};

describe('callback crypto (official test vector)', () => {
  it('computes the official msg_signature', () => {
    expect(callbackSignature(V.token, V.timestamp, V.nonce, V.encrypt)).toBe(V.signature);
  });

  it('decrypts the official message and receiveid', () => {
    const d = decryptCallbackMessage(V.key, V.encrypt);
    expect(d.receiveId).toBe(V.receiveId);
    expect(d.message).toContain('<FromUserName><![CDATA[foobar]]></FromUserName>');
    expect(d.message).toContain('<Content><![CDATA[x123]]></Content>');
    expect(d.message).toContain('<MsgId>2018405441</MsgId>');
    expect(d.message).toContain('1000002');
    // 320-byte plaintext = 16 random + 4 length + message + receiveid; pad 13 to a multiple of 32 (wecom-api.md §8).
    expect(16 + 4 + Buffer.byteLength(d.message) + d.receiveId.length).toBe(320 - 13);
  });

  it('re-encrypts to exactly the official ciphertext given the same random prefix', () => {
    const d = decryptCallbackMessage(V.key, V.encrypt);
    expect(encryptCallbackMessage(V.key, d.message, d.receiveId, d.random)).toBe(V.encrypt);
  });

  it('round-trips Chinese text with a fresh key, and openCallback checks signature and receiveid', () => {
    const key = generateEncodingAESKey();
    expect(isValidEncodingAESKey(key)).toBe(true);
    const msg = '<xml><Name><![CDATA[张三]]></Name></xml>';
    const enc = encryptCallbackMessage(key, msg, 'wwcorp');
    const sig = callbackSignature('tok', '1', '2', enc);
    expect(openCallback({ token: 'tok', encodingAESKey: key, receiveId: 'wwcorp' }, { msg_signature: sig, timestamp: '1', nonce: '2' }, enc)).toBe(msg);
    expect(() => openCallback({ token: 'tok', encodingAESKey: key, receiveId: 'other' }, { msg_signature: sig, timestamp: '1', nonce: '2' }, enc)).toThrow(
      CallbackCryptoError,
    );
    expect(() => openCallback({ token: 'bad', encodingAESKey: key, receiveId: 'wwcorp' }, { msg_signature: sig, timestamp: '1', nonce: '2' }, enc)).toThrow(
      /signature/,
    );
  });

  it('pads a block-aligned plaintext with a full 32-byte block', () => {
    const key = generateEncodingAESKey();
    // 16 + 4 + 8 + 4 = 32 bytes: aligned, so a full block of padding follows → 64 bytes of ciphertext.
    const enc = encryptCallbackMessage(key, '12345678', 'abcd');
    expect(Buffer.from(enc, 'base64').length).toBe(64);
    expect(decryptCallbackMessage(key, enc).message).toBe('12345678');
  });

  it('rejects a malformed EncodingAESKey', () => {
    expect(() => encryptCallbackMessage('short', 'x', 'y')).toThrow(CallbackCryptoError);
  });
});
