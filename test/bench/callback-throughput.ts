// Benchmark: WeCom callbacks verified (signature), decrypted (AES), parsed and routed per second by the listener on
// loopback, and the p99 answer latency (targets ≥ 3,000/s and ≤ 20 ms on a 2-core machine). The listener runs in a
// child process with a real core (SQLite, secret box) so the load generator (autocannon) does not share its event
// loop. Every request is a distinct, genuinely signed callback (no duplicates): text messages to an app with ten
// auto-reply rules (most answered with an encrypted passive reply), contact changes updating the mirror, and
// enter_agent events. The per-source rate limit is off here (one loopback source sends everything).
import { fork, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallbackCounters } from '../../main/api/callback-contract';
import { callbackSignature, encryptCallbackMessage } from '../../main/simulator';
import type { BenchRow } from './client-throughput';

interface Target {
  path: string;
  token: string;
  encodingAESKey: string;
}
interface Ready {
  url: string;
  corpid: string;
  agentid: number;
  app: Target;
  contacts: Target;
}
type ChildMsg = { ready: Ready } | { counters: CallbackCounters; cpuMicros: number };

interface AutocannonRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
interface Histogram {
  average: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; pipelining?: number; requests: AutocannonRequest[] }) => Promise<AutocannonResult>;

const DURATION_S = 10;
const WARMUP_S = 2;
const CONNECTIONS = 16;

// ---- child: the listener with a real core -------------------------------------------------------------------
async function child(): Promise<void> {
  const { createCore } = await import('../../main/core/create-core');
  const { keyPath } = await import('../../main/core/data-dir');
  const { headlessSecretBox } = await import('../../main/core/secret-box');
  const { startListener } = await import('../../main/listener/listener');
  const { mountCallbacks } = await import('../../main/listener/callback-route');
  const dir = mkdtempSync(join(tmpdir(), 'wb-cb-bench-'));
  const core = await createCore({ dataDir: dir, secretBox: headlessSecretBox(keyPath(dir)), shell: 'headless' });
  const call = async <T>(m: string, i: unknown): Promise<T> => {
    const r = await core.dispatch(m, i);
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.value as T;
  };
  const listener = await startListener({ host: '127.0.0.1', port: 0 });
  core.setListenerBase(listener.url);
  mountCallbacks(listener, core.services.callbacks, { rateLimit: null });
  const corpid = 'wwbench0123456789';
  const corp = await call<{ id: string }>('corps.create', { name: '压测', corpid, kind: 'private', apiBase: 'http://127.0.0.1:9', contactSecret: 'x' });
  const app = await call<{ id: string }>('apps.create', { corpId: corp.id, name: '压测应用', agentid: 1000002, secret: 'x' });
  const a = await call<Target & { url: string }>('callbacks.set', { kind: 'app', id: app.id, replies: true });
  const c = await call<Target & { url: string }>('callbacks.get', { kind: 'contacts', id: corp.id });
  for (let i = 0; i < 10; i++) {
    await call('replyRules.add', { appId: app.id, name: `规则${i}`, match: (['contains', 'prefix', 'suffix', 'exact'] as const)[i % 4], keyword: `关键字${i}`, reply: `自动回复 ${i}：详情见 OA`, priority: 10 + i });
  }
  await call('replyRules.add', { appId: app.id, name: '兜底', match: 'any', reply: '已收到，稍后回复', priority: 100 });
  for (let i = 0; i < 500; i++) core.services.mirror.upsertUser(corp.id, { userid: `u${i}`, name: `用户${i}`, mobile: null, email: null, position: null, department: [1], mainDepartment: 1, status: 1, extra: {} });
  const target = (t: Target & { url: string }): Target => ({ path: new URL(t.url).pathname, token: t.token, encodingAESKey: t.encodingAESKey });
  const send = (m: ChildMsg) => process.send?.(m);
  send({ ready: { url: listener.url, corpid, agentid: 1000002, app: target(a), contacts: target(c) } });
  process.on('message', (m: string) => {
    if (m === 'counters') setTimeout(() => { const u = process.cpuUsage(); send({ counters: core.services.callbacks.inspector.counters(), cpuMicros: u.user + u.system }); }, 300);
    if (m === 'stop') void listener.close().then(() => core.close()).then(() => rmSync(dir, { recursive: true, force: true })).then(() => process.exit(0));
  });
}

// ---- parent: generate genuinely signed callbacks and fire them with autocannon -------------------------------
function signed(t: Target, corpid: string, xml: string): AutocannonRequest {
  const encrypt = encryptCallbackMessage(t.encodingAESKey, xml, corpid);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(randomInt(100_000_000, 2_000_000_000));
  const sig = callbackSignature(t.token, timestamp, nonce, encrypt);
  return {
    method: 'POST',
    path: `${t.path}?msg_signature=${sig}&timestamp=${timestamp}&nonce=${nonce}`,
    headers: { 'content-type': 'text/xml' },
    body: `<xml><ToUserName><![CDATA[${corpid}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
  };
}

function callbacks(r: Ready, n: number): AutocannonRequest[] {
  const out: AutocannonRequest[] = [];
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < n; i++) {
    const kind = i % 20;
    if (kind < 17) {
      const content = kind < 12 ? `我想问 关键字${i % 10} 的事` : `随便说点什么 ${i}`;
      out.push(signed(r.app, r.corpid, `<xml><ToUserName><![CDATA[${r.corpid}]]></ToUserName><FromUserName><![CDATA[u${i % 500}]]></FromUserName><CreateTime>${now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${8_000_000_000 + i}</MsgId><AgentID>${r.agentid}</AgentID></xml>`));
    } else if (kind < 19) {
      out.push(signed(r.contacts, r.corpid, `<xml><ToUserName><![CDATA[${r.corpid}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>${now}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType><![CDATA[update_user]]></ChangeType><UserID><![CDATA[u${i % 500}]]></UserID><Position><![CDATA[岗位${i}]]></Position></xml>`));
    } else {
      out.push(signed(r.app, r.corpid, `<xml><ToUserName><![CDATA[${r.corpid}]]></ToUserName><FromUserName><![CDATA[u${i % 500}]]></FromUserName><CreateTime>${now + i}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>${r.agentid}</AgentID></xml>`));
    }
  }
  return out;
}

async function fire(autocannon: Autocannon, url: string, pool: AutocannonRequest[], from: { i: number }, seconds: number): Promise<AutocannonResult> {
  // One entry whose setupRequest hands out the next pre-signed callback: every request is distinct.
  const next: AutocannonRequest = {
    setupRequest: (req) => {
      const r = pool[from.i++ % pool.length];
      return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
    },
  };
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1, requests: [next] });
}

function ask(proc: ChildProcess, m: string): Promise<{ counters: CallbackCounters; cpuMicros: number }> {
  return new Promise((resolve) => {
    const on = (msg: ChildMsg) => {
      if ('counters' in msg) {
        proc.off('message', on);
        resolve(msg);
      }
    };
    proc.on('message', on);
    proc.send(m);
  });
}

export async function benchCallbacks(): Promise<BenchRow[]> {
  const autocannon = require('autocannon') as Autocannon;
  const proc = fork(__filename, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, WB_CALLBACK_BENCH_CHILD: '1' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`bench listener exited ${code}`)));
      proc.on('message', (m: ChildMsg) => 'ready' in m && resolve(m.ready));
    });
    const pool = callbacks(ready, 90_000);
    const from = { i: 0 };
    await fire(autocannon, ready.url, pool, from, WARMUP_S);
    const { counters: before, cpuMicros: cpu0 } = await ask(proc, 'counters');
    const r = await fire(autocannon, ready.url, pool, from, DURATION_S);
    const { counters: after, cpuMicros: cpu1 } = await ask(proc, 'counters');
    const routed = after.accepted - before.accepted;
    const perSec = Math.round(routed / r.duration);
    const bad = r.non2xx + r.errors + r.timeouts + (after.rejected - before.rejected) + (after.duplicates - before.duplicates) + (after.routeErrors - before.routeErrors);
    return [
      { name: 'callbacks: verified + decrypted + routed on loopback', value: perSec, unit: 'req/s', target: '≥ 3000', ok: perSec >= 3000 },
      { name: 'callbacks: answer latency p99', value: r.latency.p99, unit: 'ms', target: '≤ 20', ok: r.latency.p99 <= 20 },
      { name: 'callbacks: listener CPU per callback', value: Math.round((cpu1 - cpu0) / Math.max(1, routed)), unit: 'µs', target: '(reported)', ok: true },
      { name: 'callbacks: passive replies sent', value: after.replies - before.replies, unit: 'replies', target: '(reported)', ok: true },
      { name: 'callbacks: refused, duplicate, failed or unrouted', value: bad, unit: 'requests', target: '= 0', ok: bad === 0 },
    ];
  } finally {
    proc.send('stop');
    await new Promise((resolve) => {
      const t = setTimeout(() => (proc.kill(), resolve(null)), 5000);
      proc.once('exit', () => (clearTimeout(t), resolve(null)));
    });
  }
}

if (process.env.WB_CALLBACK_BENCH_CHILD === '1') void child();
else if (require.main === module) {
  void benchCallbacks().then((rows) => console.table(rows));
}
