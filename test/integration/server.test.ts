import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHeadless, type Served } from '../../main/server';
import { tempDir } from '../helpers/tmp';

let served: Served;
const dir = tempDir();
let base: string;
let token: string;

async function rpc(method: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) {
  const res = await request(`${base}/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.body.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { text };
  }
  return { status: res.statusCode, json };
}

beforeAll(async () => {
  served = await startHeadless({ dataDir: dir.path, host: '127.0.0.1', port: 0, callbackHost: '127.0.0.1', callbackPort: 0 });
  base = served.admin.url;
  token = served.admin.token;
});
afterAll(async () => {
  await served.close();
  dir.cleanup();
});

describe('headless server: /rpc and /events', () => {
  it('answers 401 without the per-launch token, and with a wrong one', async () => {
    expect((await rpc('corps.list', {}, {})).status).toBe(401);
    expect((await rpc('corps.list', {}, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await request(`${base}/events`)).statusCode).toBe(401);
  });

  it('serves the same contract as direct dispatch', async () => {
    const created = await rpc('corps.create', { name: '私有化', corpid: 'wwabc', kind: 'private', apiBase: 'http://127.0.0.1:1' });
    expect(created).toMatchObject({ status: 200, json: { ok: true, value: { name: '私有化' } } });
    const direct = await served.core.dispatch('corps.list', {});
    expect((await rpc('corps.list', {})).json).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('refuses unknown methods, prototype names, bad JSON and oversized bodies', async () => {
    expect((await rpc('nope', {})).status).toBe(404);
    expect((await rpc('__proto__', {})).status).toBe(404);
    expect((await rpc('corps.list', '{not json')).json.error.code).toBe('bad_json');
    expect((await rpc('corps.create', 'x'.repeat(3 * 1024 * 1024))).status).toBe(413);
    expect((await rpc('corps.create', { name: 'x' })).json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses foreign Host and Origin headers (DNS rebinding, cross-site calls)', async () => {
    expect((await rpc('corps.list', {}, { authorization: `Bearer ${token}`, host: 'evil.example:80' })).status).toBe(421);
    expect((await rpc('corps.list', {}, { authorization: `Bearer ${token}`, origin: 'http://evil.example' })).status).toBe(403);
  });

  it('serves the UI only to the tokened URL (then to its session cookie)', async () => {
    expect((await request(`${base}/`)).statusCode).toBe(401);
    const res = await request(`${base}/?token=${token}`);
    await res.body.dump();
    expect([200, 503]).toContain(res.statusCode);
    if (res.statusCode === 200) {
      expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
      const cookie = String(res.headers['set-cookie']).split(';')[0];
      const again = await request(`${base}/`, { headers: { cookie } });
      await again.body.dump();
      expect(again.statusCode).toBe(200);
    }
    expect((await request(`${base}/../../etc/passwd`)).statusCode).toBe(404);
  });

  it('streams job events over SSE', async () => {
    const corp = (await rpc('corps.create', { name: 'SSE', corpid: 'wwsse', kind: 'private', apiBase: 'http://127.0.0.1:1' })).json.value;
    const ctrl = new AbortController();
    const res = await request(`${base}/events?token=${token}`, { signal: ctrl.signal });
    expect(res.headers['content-type']).toContain('text/event-stream');
    const seen: string[] = [];
    const done = (async () => {
      for await (const chunk of res.body) {
        seen.push(String(chunk));
        if (seen.join('').includes('event: job.finished')) break;
      }
    })();
    const { jobId } = (await rpc('diag.start', { corpId: corp.id })).json.value;
    await done;
    ctrl.abort();
    const text = seen.join('');
    expect(text).toContain('event: job.progress');
    expect(text).toContain(`"jobId":"${jobId}"`);
  });

  it('the callback listener answers /healthz on its own port', async () => {
    const res = await request(`${served.listener.url}/healthz`);
    expect(await res.body.json()).toMatchObject({ ok: true });
    expect(served.listener.port).not.toBe(served.admin.port);
  });
});
