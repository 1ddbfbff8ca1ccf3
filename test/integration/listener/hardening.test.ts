// Hostile requests against the listener: forged signatures, wrong ReceiveId, malformed envelopes and messages,
// oversized bodies (declared and streamed), slow headers and bodies, wrong paths and methods, a flooding source.
// Each is refused with a bare status (no detail), counted by reason, and the next valid request is answered.
import { connect } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackSettingsView } from '../../../main/api/callback-contract';
import { callbackSignature, encryptCallbackMessage } from '../../../main/simulator';
import { post, signedPost, startHarness, textMessage, until, type Harness } from './harness';

let h: Harness;
let s: CallbackSettingsView;
beforeAll(async () => {
  h = await startHarness({ route: { rateLimit: null, bodyTimeoutMs: 400 }, listener: { headersTimeoutMs: 400, requestTimeoutMs: 1500 } });
  s = await h.t.call('callbacks.get', { kind: 'app', id: h.appId });
});
afterAll(() => h.close());

const valid = () => signedPost(s, h.sim.corpid, textMessage(h.sim.corpid, 'zhangsan', 'hi', h.agentid));
const counters = async () => (await h.t.call('callbacks.log', { limit: 1 })).counters;
async function expectCounted(reason: string, action: () => Promise<unknown>) {
  const before = (await counters()).byReason[reason] ?? 0;
  await action();
  const after = await until(counters, (c) => (c.byReason[reason] ?? 0) > before);
  expect(after.byReason[reason]).toBe(before + 1);
  expect((await post(s.url, valid())).status).toBe(200);
}

/** Raw HTTP over a socket: writes the parts with pauses and returns whatever the server answered. */
function rawHttp(parts: string[], pauseMs: number): Promise<string> {
  return new Promise((resolve) => {
    const port = Number(new URL(h.listener.url).port);
    const sock = connect(port, '127.0.0.1');
    let out = '';
    sock.on('data', (d) => (out += d.toString('latin1')));
    sock.on('close', () => resolve(out));
    sock.on('error', () => resolve(out));
    let i = 0;
    const next = () => {
      if (i >= parts.length || sock.destroyed) return;
      sock.write(parts[i++]);
      setTimeout(next, pauseMs);
    };
    sock.on('connect', next);
  });
}

describe('forged and malformed requests', () => {
  it('a forged signature: 400 "bad request", counted as signature', async () => {
    const forged = valid();
    const q = new URLSearchParams(forged.query);
    q.set('msg_signature', 'f'.repeat(40));
    await expectCounted('signature', async () => expect(await post(s.url, { ...forged, query: q.toString() })).toEqual({ status: 400, body: 'bad request' }));
  });

  it('a message encrypted for another corp (wrong ReceiveId): the same bare 400, counted as receive_id', async () => {
    await expectCounted('receive_id', async () => expect(await post(s.url, signedPost(s, 'wwSomeOtherCorp', textMessage('wwSomeOtherCorp', 'x', 'y', 1)))).toEqual({ status: 400, body: 'bad request' }));
  });

  it('envelope without Encrypt, not XML, DOCTYPE, bad query, garbage ciphertext', async () => {
    const ok = valid();
    await expectCounted('malformed', async () => expect((await post(s.url, { ...ok, body: '<xml><ToUserName>x</ToUserName></xml>' })).status).toBe(400));
    await expectCounted('malformed', async () => expect((await post(s.url, { ...ok, body: 'not xml at all' })).status).toBe(400));
    await expectCounted('malformed', async () => expect((await post(s.url, { ...ok, body: '<!DOCTYPE x [<!ENTITY a "b">]><xml><Encrypt>&a;</Encrypt></xml>' })).status).toBe(400));
    await expectCounted('bad_query', async () => expect((await post(s.url, { ...ok, query: 'timestamp=1&nonce=2' })).status).toBe(400));
    const junk = 'QUJD'.repeat(11);
    const [ts, nonce] = ['1700000000', '7'];
    const q = new URLSearchParams({ msg_signature: callbackSignature(s.token, ts, nonce, junk), timestamp: ts, nonce });
    await expectCounted('decrypt', async () => expect((await post(s.url, { query: q.toString(), body: `<xml><Encrypt>${junk}</Encrypt></xml>` })).status).toBe(400));
  });

  it('a correctly encrypted message that is not XML: counted as malformed_message', async () => {
    const enc = encryptCallbackMessage(s.encodingAESKey, 'just text', h.sim.corpid);
    const [ts, nonce] = ['1700000000', '8'];
    const q = new URLSearchParams({ msg_signature: callbackSignature(s.token, ts, nonce, enc), timestamp: ts, nonce });
    await expectCounted('malformed_message', async () => expect((await post(s.url, { query: q.toString(), body: `<xml><Encrypt>${enc}</Encrypt></xml>` })).status).toBe(400));
  });

  it('unknown path, unknown app, wrong method', async () => {
    await expectCounted('not_found', async () => expect((await request(`${h.listener.url}/callback/nope/x`)).statusCode).toBe(404));
    await expectCounted('not_configured', async () => expect((await request(`${h.listener.url}/callback/app/a_doesnotexist`, { method: 'POST', body: valid().body })).statusCode).toBe(404));
    await expectCounted('method', async () => expect((await request(s.url, { method: 'PUT', body: 'x' })).statusCode).toBe(405));
  });
});

describe('size and time limits', () => {
  it('a declared oversized body is refused before it is read (413)', async () => {
    await expectCounted('too_large', async () => {
      const res = await request(`${s.url}?${valid().query}`, { method: 'POST', body: 'x'.repeat(200 * 1024) }).catch(() => null);
      if (res) expect(res.statusCode).toBe(413);
    });
  });

  it('a streamed (chunked) oversized body is cut off at the limit (413)', async () => {
    const chunk = `${(16 * 1024).toString(16)}\r\n${'y'.repeat(16 * 1024)}\r\n`;
    await expectCounted('too_large', async () => {
      const answer = await rawHttp([`POST ${new URL(s.url).pathname}?${valid().query} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n`, ...Array(8).fill(chunk)], 5);
      expect(answer).toMatch(/^HTTP\/1.1 413/);
    });
  });

  it('a body trickling in slower than the deadline: 408, counted as timeout', async () => {
    const v = valid();
    await expectCounted('timeout', async () => {
      const head = `POST ${new URL(s.url).pathname}?${v.query} HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(v.body)}\r\n\r\n`;
      const answer = await rawHttp([head, ...v.body.match(/.{1,40}/g)!], 100);
      expect(answer).toMatch(/^HTTP\/1.1 408/);
    });
  });

  it('headers trickling in too slowly are cut off by the listener and counted', async () => {
    await expectCounted('timeout', async () => {
      const answer = await rawHttp(['POST /callback/app/x HTTP/1.1\r\n', 'Host: x\r\n', 'X-A: 1\r\n', 'X-B: 2\r\n', 'X-C: 3\r\n', 'X-D: 4\r\n', '\r\n'], 250);
      expect(answer === '' || /^HTTP\/1.1 408/.test(answer)).toBe(true);
    });
  });

  it('malformed HTTP is counted as client_error', async () => {
    await expectCounted('client_error', async () => void (await rawHttp(['NOT HTTP AT ALL\r\n\r\n'], 10)));
  });
});

describe('per-source rate limit', () => {
  it('a flooding source gets 429 without any work, counted; after the bucket refills it is served again', async () => {
    const r = await startHarness({ route: { rateLimit: { perSecond: 20, burst: 20, rejectCost: 5 } } });
    try {
      const st = await r.t.call('callbacks.get', { kind: 'app', id: r.appId });
      const forged = signedPost({ ...st, token: 'wrong' }, r.sim.corpid, textMessage(r.sim.corpid, 'x', 'y', 1));
      const statuses: number[] = [];
      for (let i = 0; i < 15; i++) statuses.push((await post(st.url, forged)).status);
      expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
      expect(statuses).toContain(429);
      const c = (await r.t.call('callbacks.log', { limit: 1 })).counters;
      expect(c.byReason.rate_limited).toBeGreaterThan(0);
      expect(c.byReason.signature).toBeLessThan(12);
      await new Promise((res) => setTimeout(res, 1500));
      expect((await post(st.url, signedPost(st, r.sim.corpid, textMessage(r.sim.corpid, 'z', 'ok', 1)))).status).toBe(200);
    } finally {
      await r.close();
    }
  });
});
