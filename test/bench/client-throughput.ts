// Benchmark: calls/s the WeCom client achieves against the simulator with frequency limits on, as a ratio of the
// configured limit (target ≥ 0.9, zero 45009 reaching the caller). The simulator enforces the same per-minute limit
// in fixed windows, as WeCom does. Client and simulator share a clock running 30× faster than real time so three
// WeCom minutes take six seconds; HTTP is real (loopback), and so is the limiter's waiting (scaled sleeps).
import { startSimulator } from '../../main/simulator';
import { getUser, listDepartmentIds } from '../../main/wecom/api/contacts';
import { WeComClient } from '../../main/wecom/client';
import { closeDispatchers } from '../../main/wecom/endpoint';
import { RateLimiter } from '../../main/wecom/rate-limiter';
import { TokenCache } from '../../main/wecom/token-cache';
import { WeComError } from '../../main/wecom/wecom-error';
import { scaledTime } from '../integration/wecom/sim-harness';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
}

const LIMIT_PER_MIN = 600;
const SCALE = 30;
const WINDOWS = 3;
const WORKERS = 16;

export async function benchClient(): Promise<BenchRow[]> {
  const time = scaledTime(SCALE);
  const sim = await startSimulator({ port: 0, seed: 'demo', clock: time.clock, rateLimit: { perMinute: LIMIT_PER_MIN } });
  let handled45009 = 0;
  let unhandled45009 = 0;
  let otherErrors = 0;
  try {
    const limiter = new RateLimiter({ clock: time.clock, sleep: time.sleep, limits: { '*': { perMinute: LIMIT_PER_MIN } } });
    const client = new WeComClient(
      { corpid: sim.corpid, apiBase: sim.url, apiPrefix: '/cgi-bin', proxyUrl: null, caPem: null },
      sim.contactSecret,
      'contact',
      {
        clock: time.clock,
        sleep: time.sleep,
        tokens: new TokenCache(time.clock),
        limiter,
        timeoutMs: 10_000,
        onRetry: (e) => {
          if (e.errcode === 45009) handled45009++;
        },
      },
    );
    const userid = [...sim.state.users.values()][0].userid;
    // Warm up the connection pool and JIT on another API (its own limiter key), so start-up pauses — which at 30×
    // speed overflow the small burst bucket — do not count against the limiter.
    for (let i = 0; i < 10; i++) await listDepartmentIds(client, { id: 2 });
    const total = WINDOWS * LIMIT_PER_MIN;
    let issued = 0;
    let done = 0;
    const t0 = time.clock.now().getTime();
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (issued < total) {
          issued++;
          try {
            await getUser(client, userid);
            done++;
          } catch (e) {
            if (e instanceof WeComError && e.errcode === 45009) unhandled45009++;
            else otherErrors++;
          }
        }
      }),
    );
    const elapsedMin = (time.clock.now().getTime() - t0) / 60_000;
    const perSec = done / (elapsedMin * 60);
    const ratio = done / elapsedMin / LIMIT_PER_MIN;
    return [
      {
        name: `client: calls/s vs configured limit (${LIMIT_PER_MIN}/min, simulator enforcing it)`,
        value: Math.round(ratio * 1000) / 1000,
        unit: 'ratio',
        target: '≥ 0.9',
        ok: ratio >= 0.9 && ratio <= 1.0001 && unhandled45009 === 0 && otherErrors === 0,
      },
      { name: 'client: calls/s achieved (simulated time)', value: Math.round(perSec * 100) / 100, unit: 'calls/s', target: `≤ ${LIMIT_PER_MIN / 60}`, ok: perSec <= LIMIT_PER_MIN / 60 + 1e-9 },
      { name: 'client: 45009 reaching the caller', value: unhandled45009, unit: 'count', target: '0', ok: unhandled45009 === 0 },
      { name: 'client: 45009 seen and backed off', value: handled45009, unit: 'count', target: '0 (limiter stays under the limit)', ok: handled45009 === 0 },
    ];
  } finally {
    await sim.close();
    await closeDispatchers();
  }
}

if (process.argv[1] && /client-throughput\.ts$/.test(process.argv[1])) {
  benchClient().then(
    (rows) => {
      for (const r of rows) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.value} ${r.unit} (target ${r.target})`);
      process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
