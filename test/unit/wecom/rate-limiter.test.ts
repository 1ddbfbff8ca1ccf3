import { describe, expect, it } from 'vitest';
import { familyOf, RateLimiter, WECOM_LIMITS } from '../../../main/wecom/rate-limiter';
import { FakeTime } from './fake-time';

const CORP = 'http://sim/cgi-bin#ww1';

/** Most grants in any half-open window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi] - sorted[lo] >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

function limiter(ft: FakeTime, limits: ConstructorParameters<typeof RateLimiter>[0]['limits'], extra: { concurrency?: number; burstFraction?: number } = {}) {
  return new RateLimiter({ clock: ft.clock, sleep: ft.sleep, limits, ...extra });
}

/** Fires `n` acquires at once, releasing each as soon as granted; returns the grant times. */
async function grantTimes(ft: FakeTime, rl: RateLimiter, key: string, n: number): Promise<number[]> {
  const times: number[] = [];
  const all = Array.from({ length: n }, () =>
    rl.acquire(key).then((release) => {
      times.push(ft.t);
      release();
    }),
  );
  await ft.run();
  await Promise.all(all);
  return times;
}

describe('rate limiter (fake clock)', () => {
  it('never lets more than the limit through in any window, and uses most of it', async () => {
    const ft = new FakeTime();
    const rl = limiter(ft, { 'user/get': { perSecond: 100 } });
    const times = await grantTimes(ft, rl, `${CORP}|user/get`, 1000);
    expect(times).toHaveLength(1000);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(100);
    // burst 3 + (100 − 3 − 2 headroom) = 95/s: 1000 calls in ≈ 10.5 s, i.e. ≥ 90 % of the limit.
    const elapsed = Math.max(...times) / 1000;
    expect(1000 / elapsed).toBeGreaterThanOrEqual(90);
    expect(1000 / elapsed).toBeLessThanOrEqual(100);
  });

  it('a minute and an hour window together: the stricter one wins', async () => {
    const ft = new FakeTime();
    const rl = limiter(ft, { '*': { perMinute: 60, perHour: 120 } });
    const times = await grantTimes(ft, rl, `${CORP}|department/list`, 200);
    expect(maxInWindow(times, 60_000)).toBeLessThanOrEqual(60);
    expect(maxInWindow(times, 3_600_000)).toBeLessThanOrEqual(120);
    expect(Math.max(...times)).toBeGreaterThan(3_600_000);
  });

  it('uses WeCom’s documented limits by default, per path', () => {
    const rl = new RateLimiter({ clock: { now: () => new Date(0) } });
    expect(rl.limitFor(`${CORP}|checkin/getcheckindata`)).toEqual({ perMinute: 600 });
    expect(rl.limitFor(`${CORP}|checkin/getcheckin_daydata`)).toEqual({ perMinute: 100 });
    expect(rl.limitFor(`${CORP}|msgaudit/get_permit_user_list`)).toEqual({ perMinute: 1000 });
    expect(rl.limitFor(`${CORP}|user/get`)).toEqual({ perMinute: 10_000, perHour: 150_000 });
    expect(rl.limitFor(`${CORP}|gettoken`)).toEqual(WECOM_LIMITS['*']);
    expect(rl.keysFor(CORP, 'app:abc', 'ticket/get')).toEqual([`${CORP}|app:abc|app:ticket/get`, `${CORP}|ticket/get`]);
    expect(rl.limitFor(`${CORP}|app:abc|app:ticket/get`)).toEqual({ perHour: 100 });
    expect(rl.keysFor(CORP, 'app:abc', '/user/get')).toEqual([`${CORP}|user/get`]);
    expect(familyOf(`${CORP}|app:abc|app:ticket/get`)).toBe('app:ticket/get');
  });

  it('overrides replace the built-in entry for their key only', () => {
    const rl = new RateLimiter({ clock: { now: () => new Date(0) }, limits: { 'checkin/getcheckindata': { perSecond: 5 } } });
    expect(rl.limitFor(`${CORP}|checkin/getcheckindata`)).toEqual({ perSecond: 5 });
    expect(rl.limitFor(`${CORP}|checkin/getcheckin_daydata`)).toEqual({ perMinute: 100 });
  });

  it('keys are independent: one corp/API waiting does not hold up another', async () => {
    const ft = new FakeTime();
    const rl = limiter(ft, { '*': { perSecond: 1 } });
    await rl.acquire(`${CORP}|a`).then((r) => r());
    const slow = rl.acquire(`${CORP}|a`);
    const other = await rl.acquire(`${CORP}|b`);
    expect(ft.t).toBe(0);
    other();
    await ft.run();
    (await slow)();
    expect(ft.t).toBe(1000);
  });

  it('caps calls in flight per key and hands permits out in FIFO order', async () => {
    const ft = new FakeTime();
    const rl = limiter(ft, { '*': { perSecond: 1000, concurrency: 2 } });
    const key = `${CORP}|media/get`;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const waits = [0, 1, 2, 3, 4].map((i) =>
      rl.acquire(key).then((r) => {
        order.push(i);
        releases.push(r);
      }),
    );
    await ft.run();
    expect(order).toEqual([0, 1]);
    expect(rl.inspect(key)).toMatchObject({ active: 2, waiting: 3 });
    releases[0]();
    releases[0]();
    await ft.run();
    expect(order).toEqual([0, 1, 2]);
    releases[1]();
    releases[2]();
    await ft.run();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    releases[3]();
    releases[4]();
    await Promise.all(waits);
    expect(rl.inspect(key).active).toBe(0);
  });

  it('acquire waits rather than failing, and an abort cancels only that waiter', async () => {
    const ft = new FakeTime();
    const rl = limiter(ft, { '*': { perSecond: 1 } });
    const key = `${CORP}|user/get`;
    (await rl.acquire(key))();
    const ac = new AbortController();
    const cancelled = rl.acquire(key, ac.signal);
    const next = rl.acquire(key);
    await ft.run(100);
    ac.abort(new Error('user cancelled'));
    await expect(cancelled).rejects.toThrow('user cancelled');
    await ft.run();
    (await next)();
    expect(ft.t).toBe(1000);
    expect(rl.inspect(key).waiting).toBe(0);
    await expect(rl.acquire(key, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('block() pauses a key (45009 seen anyway) and shrinkConcurrency() halves its parallelism (45033)', async () => {
    const ft = new FakeTime();
    const rl = limiter(ft, { '*': { perSecond: 1000, concurrency: 8 } });
    const key = `${CORP}|externalcontact/get`;
    rl.block(key, 60_000);
    const p = rl.acquire(key);
    await ft.run();
    (await p)();
    expect(ft.t).toBe(60_000);
    expect(rl.shrinkConcurrency(key)).toBe(4);
    expect(rl.shrinkConcurrency(key)).toBe(2);
    expect(rl.shrinkConcurrency(key)).toBe(1);
    expect(rl.shrinkConcurrency(key)).toBe(1);
  });

  it('a limit of 1 per window spaces calls one window apart', async () => {
    const ft = new FakeTime();
    const rl = limiter(ft, { '*': { perMinute: 1 } });
    const times = await grantTimes(ft, rl, `${CORP}|x`, 3);
    expect(times).toEqual([0, 60_000, 120_000]);
  });
});

describe('block length after a 45009', () => {
  it('is the shortest limited window of the key', () => {
    const rl = new RateLimiter({ clock: { now: () => new Date(0) } });
    expect(rl.blockLengthMs(`${CORP}|user/get`)).toBe(60_000);
    expect(rl.blockLengthMs(`${CORP}|get_jsapi_ticket`)).toBe(3_600_000);
    expect(rl.blockLengthMs(`${CORP}|app:x|app:ticket/get`)).toBe(3_600_000);
    expect(new RateLimiter({ clock: { now: () => new Date(0) }, limits: { '*': { concurrency: 3 } } }).blockLengthMs(`${CORP}|a`)).toBe(60_000);
  });
});
