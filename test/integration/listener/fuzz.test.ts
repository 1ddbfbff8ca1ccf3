// Fuzz: tens of thousands of random and mutated requests at the live listener (seeded, reproducible). Zero
// crashes (no 5xx, no handler error, /healthz still up), zero forged requests accepted (a 200 only for an exact
// genuine (msg_signature, timestamp, nonce, Encrypt) tuple), and afterwards a valid message is still answered
// correctly (the right passive reply) and a contact change still reaches the mirror.
import { XMLParser } from 'fast-xml-parser';
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackSettingsView } from '../../../main/api/callback-contract';
import { callbackSignature, encryptCallbackMessage, openCallback } from '../../../main/simulator';
import { Prng } from '../../../main/simulator/seed/prng';
import { post, signedPost, startHarness, textMessage, until, type Harness } from './harness';

const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 30_000);
const CONCURRENCY = 32;

let h: Harness;
let s: CallbackSettingsView;
const handlerErrors: unknown[] = [];
beforeAll(async () => {
  h = await startHarness({ route: { rateLimit: null, bodyTimeoutMs: 2000 }, listener: { onError: (e) => handlerErrors.push(e) } });
  s = await h.t.call('callbacks.get', { kind: 'app', id: h.appId });
  await h.t.call('callbacks.set', { kind: 'app', id: h.appId, replies: true });
  await h.t.call('replyRules.add', { appId: h.appId, name: '帮助', match: 'exact', keyword: '帮助', reply: '输入 报销 或 请假' });
});
afterAll(() => h.close());

interface Req {
  method: string;
  path: string;
  body: string | Buffer | null;
  /** Signed and encrypted by us with the real Token and key (hostile plaintext): accepting it is not a forgery. */
  trusted?: boolean;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
const NASTY = ['<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;', '<![CDATA[', ']]>', '<', '>', '&', '\u0000', '\uffff', '🙂', '"', "'", '<xml>', '</xml>', '<Encrypt>', '</Encrypt>', '__proto__', '%00', '%2B', '+', '='];

function generate(p: Prng, genuine: { query: string; body: string; encrypt: string }[]): Req {
  const g = p.pick(genuine);
  const path = new URL(s.url).pathname;
  const q = new URLSearchParams(g.query);
  const mutateString = (str: string) => {
    const chars = [...str];
    for (let i = p.int(1, 4); i > 0; i--) {
      const at = p.int(0, Math.max(0, chars.length - 1));
      const op = p.int(0, 3);
      if (op === 0) chars[at] = String.fromCharCode(p.int(0, 0xffff));
      else if (op === 1) chars.splice(at, p.int(1, 20));
      else if (op === 2) chars.splice(at, 0, p.pick(NASTY));
      else chars[at] = p.pick([...B64]);
    }
    return chars.join('');
  };
  switch (p.int(0, 11)) {
    case 0: // random bytes as body
      return { method: 'POST', path: `${path}?${g.query}`, body: Buffer.from(Array.from({ length: p.int(0, 3000) }, () => p.int(0, 255))) };
    case 1: // mutated envelope
      return { method: 'POST', path: `${path}?${g.query}`, body: mutateString(g.body) };
    case 2: // one query value mutated
      q.set(p.pick(['msg_signature', 'timestamp', 'nonce']), mutateString(q.get(p.pick(['msg_signature', 'timestamp', 'nonce'])) ?? ''));
      return { method: 'POST', path: `${path}?${q}`, body: g.body };
    case 3: // signed with the right Token but random ciphertext (reaches AES: padding/framing/ReceiveId)
    case 4: {
      const junk = Buffer.from(Array.from({ length: 32 * p.int(1, 12) }, () => p.int(0, 255))).toString('base64');
      const ts = String(p.int(1e9, 2e9));
      const nonce = String(p.int(1, 1e9));
      const sq = new URLSearchParams({ msg_signature: callbackSignature(s.token, ts, nonce, junk), timestamp: ts, nonce });
      return { method: 'POST', path: `${path}?${sq}`, body: `<xml><Encrypt><![CDATA[${junk}]]></Encrypt></xml>` };
    }
    case 5: { // properly encrypted but hostile plaintext (entity bombs, deep nesting, junk)
      const payload = p.pick([
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><xml><Content>&lol2;</Content></xml>',
        `<xml>${'<a>'.repeat(p.int(5, 200))}</xml>`,
        mutateString(textMessage(h.sim.corpid, 'x', 'y', h.agentid)),
        '<xml><MsgType>event</MsgType><Event>change_contact</Event><ChangeType>update_user</ChangeType><UserID></UserID><Department>a,b,,9999999999999</Department></xml>',
        '<xml><MsgType>event</MsgType><Event>change_contact</Event><ChangeType>create_party</ChangeType><Id>abc</Id></xml>',
        Buffer.from(Array.from({ length: p.int(0, 500) }, () => p.int(32, 126))).toString('latin1'),
      ]);
      const enc = encryptCallbackMessage(s.encodingAESKey, payload, h.sim.corpid);
      const ts = String(p.int(1e9, 2e9));
      const nonce = String(p.int(1, 1e9));
      const sq = new URLSearchParams({ msg_signature: callbackSignature(s.token, ts, nonce, enc), timestamp: ts, nonce });
      return { method: 'POST', path: `${path}?${sq}`, body: `<xml><Encrypt><![CDATA[${enc}]]></Encrypt></xml>`, trusted: true };
    }
    case 6: // GET verification with a mutated or random echostr
      q.set('echostr', p.chance(0.5) ? mutateString(g.encrypt) : p.token(p.int(0, 300), B64));
      return { method: 'GET', path: `${path}?${q}`, body: null };
    case 7: // random path and method
      return { method: p.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']), path: `/callback/${p.pick(['app', 'contacts', 'customer', 'x', '..', '%2e%2e'])}/${mutateString(h.appId)}?${mutateString(g.query)}`, body: p.chance(0.5) ? g.body : null };
    case 8: // JSON envelope, mutated
      return { method: 'POST', path: `${path}?${g.query}`, body: mutateString(JSON.stringify({ tousername: h.sim.corpid, encrypt: g.encrypt, agentid: String(h.agentid) })) };
    case 9: // truncated
      return { method: 'POST', path: `${path}?${g.query}`, body: g.body.slice(0, p.int(0, g.body.length - 1)) };
    case 10: // Encrypt swapped with another genuine request's (signature mismatch)
      return { method: 'POST', path: `${path}?${g.query}`, body: p.pick(genuine).body };
    default: // a genuine request (retries: duplicates must also be answered 200)
      return { method: 'POST', path: `${path}?${g.query}`, body: g.body };
  }
}

/** One request over node:http (a client that copes with the server closing refused connections). */
function send(agent: Agent, port: number, r: Req): Promise<{ statusCode: number }> {
  return new Promise((resolve, reject) => {
    const body = r.body === null ? null : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf8');
    // Node's client refuses raw control/non-ASCII characters in a path: send them percent-encoded.
    const path = r.path.replace(/[^\x21-\x7e]/gu, (c) => [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
    const req = httpRequest({ host: '127.0.0.1', port, method: r.method, path, agent, timeout: 10_000, headers: body ? { 'content-type': 'text/xml', 'content-length': body.length } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0 }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

describe('fuzzing the callback listener', () => {
  it(`${TOTAL} random and mutated requests: no crash, no forged request accepted`, async () => {
    const p = new Prng('callback-fuzz');
    const genuine = Array.from({ length: 200 }, (_, i) => {
      const sp = signedPost(s, h.sim.corpid, textMessage(h.sim.corpid, `u${i}`, i % 3 ? `消息${i}` : '帮助', h.agentid), String(h.agentid));
      return { ...sp, encrypt: /<Encrypt><!\[CDATA\[(.+?)\]\]>/.exec(sp.body)![1] };
    });
    const genuineTuples = new Set(genuine.map((g) => { const q = new URLSearchParams(g.query); return `${q.get('msg_signature')}|${q.get('timestamp')}|${q.get('nonce')}|${g.encrypt}`; }));
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const port = Number(new URL(h.listener.url).port);
    const statuses: Record<number, number> = {};
    const forgedAccepted: Req[] = [];
    let networkErrors = 0;
    const errorKinds: Record<string, number> = {};
    let sent = 0;
    const worker = async () => {
      while (sent < TOTAL) {
        sent++;
        const r = generate(p, genuine);
        try {
          const res = await send(agent, port, r);
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          if (res.statusCode === 200 && !r.trusted) {
            const q = new URL(r.path, 'http://x').searchParams;
            const body = typeof r.body === 'string' ? r.body : '';
            const enc =
              r.method === 'GET'
                ? (q.get('echostr') ?? '').replaceAll(' ', '+')
                : (/<Encrypt><!\[CDATA\[([A-Za-z0-9+/=]+)\]\]><\/Encrypt>/.exec(body)?.[1] ?? /"encrypt":"([A-Za-z0-9+/=]+)"/.exec(body)?.[1] ?? '');
            if (!genuineTuples.has(`${q.get('msg_signature')?.toLowerCase()}|${q.get('timestamp')}|${q.get('nonce')}|${enc}`)) forgedAccepted.push(r);
          }
        } catch (e) {
          networkErrors++; // the server may drop a connection it refused (oversize, malformed HTTP)
          const code = (e as { code?: string }).code ?? (e as Error).message;
          errorKinds[code] = (errorKinds[code] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();

    expect(forgedAccepted).toEqual([]);
    expect(handlerErrors).toEqual([]);
    expect(Object.keys(statuses).filter((c) => Number(c) >= 500)).toEqual([]);
    expect(statuses[200]).toBeGreaterThan(TOTAL / 20);
    expect(errorKinds).toEqual({});
    const c = (await h.t.call('callbacks.log', { limit: 1 })).counters;
    expect(c.rejected).toBeGreaterThan(TOTAL / 2);
  }, 120_000);

  it('the next valid requests are answered correctly', async () => {
    const res = await post(s.url, signedPost(s, h.sim.corpid, textMessage(h.sim.corpid, 'after', '帮助', h.agentid)));
    expect(res.status).toBe(200);
    const env = new XMLParser({ parseTagValue: false }).parse(res.body) as { xml: { Encrypt: string; MsgSignature: string; TimeStamp: string; Nonce: string } };
    const plain = openCallback({ token: s.token, encodingAESKey: s.encodingAESKey, receiveId: h.sim.corpid }, { msg_signature: env.xml.MsgSignature, timestamp: env.xml.TimeStamp, nonce: env.xml.Nonce }, env.xml.Encrypt);
    expect(plain).toContain('<Content><![CDATA[输入 报销 或 请假]]></Content>');
    const health = await fetch(`${h.listener.url}/healthz`);
    expect(health.status).toBe(200);
    const contacts = await h.t.call('callbacks.get', { kind: 'contacts', id: h.corpId });
    const ev = `<xml><ToUserName><![CDATA[${h.sim.corpid}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType><![CDATA[create_user]]></ChangeType><UserID><![CDATA[after_fuzz]]></UserID><Name><![CDATA[模糊测试后]]></Name><Department><![CDATA[1]]></Department></xml>`;
    expect((await post(contacts.url, signedPost(contacts, h.sim.corpid, ev))).status).toBe(200);
    expect(await until(() => h.t.core.services.mirror.getUser(h.corpId, 'after_fuzz'), (u) => u !== null)).toMatchObject({ name: '模糊测试后' });
  });
});
