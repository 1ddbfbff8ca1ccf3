// The client's token handling, limiter and back-off against the simulator over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { getUser, listDepartmentIds } from '../../../main/wecom/api/contacts';
import { WeComClient } from '../../../main/wecom/client';
import { RateLimiter } from '../../../main/wecom/rate-limiter';
import { WeComError } from '../../../main/wecom/wecom-error';
import { openHarness, scaledTime, type Harness } from './sim-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const someUserid = (hh: Harness) => [...hh.sim.state.users.values()][5].userid;

describe('access tokens', () => {
  it('50 concurrent calls with an expired token cause exactly one gettoken', async () => {
    const t = { offset: 0 };
    const clock = { now: () => new Date(Date.now() + t.offset) };
    h = await openHarness({ clock }, { clock });
    await listDepartmentIds(h.contact);
    expect(h.tokens.fetches).toBe(1);
    t.offset += 7200_000; // both sides: our cache and WeCom consider the token expired
    const uid = someUserid(h);
    const users = await Promise.all(Array.from({ length: 50 }, () => getUser(h!.contact, uid)));
    expect(users.every((u) => u.userid === uid)).toBe(true);
    expect(h.tokens.fetches).toBe(2);
  });

  it('WeCom expiring a token early (42001): 50 concurrent callers refresh it once and all succeed', async () => {
    h = await openHarness();
    await listDepartmentIds(h.contact);
    await h.admin('POST', 'clock', { advanceSec: 7300 }); // only the simulator's clock moves
    const uid = someUserid(h);
    const users = await Promise.all(Array.from({ length: 50 }, () => getUser(h!.contact, uid)));
    expect(users).toHaveLength(50);
    expect(h.tokens.fetches).toBe(2);
    expect(h.retries.filter((r) => r.reason === 'token' && r.errcode === 42001).length).toBe(50);
  });

  it('a wrong secret or corpid fails at gettoken with the typed error', async () => {
    h = await openHarness();
    const bad = h.client('not-the-secret', 'contact');
    const e1 = (await listDepartmentIds(bad).catch((e: unknown) => e)) as WeComError;
    expect(e1).toBeInstanceOf(WeComError);
    expect([40001, 40091]).toContain(e1.errcode);
    expect(e1.path).toBe('gettoken');
    const other = new WeComClient({ ...h.endpoint, corpid: 'wwnotmycorp' }, h.sim.contactSecret, 'contact', { clock: { now: () => new Date() }, tokens: h.tokens });
    expect(((await listDepartmentIds(other).catch((e: unknown) => e)) as WeComError).errcode).toBe(40013);
  });

  it('60020 names the caller IP WeCom saw, for 【企业可信IP】', async () => {
    h = await openHarness();
    await h.admin('POST', 'ip-allow-list', { ips: ['203.0.113.9'] });
    const e = (await listDepartmentIds(h.app).catch((x: unknown) => x)) as WeComError;
    expect(e.errcode).toBe(60020);
    expect(e.callerIp).toBe('127.0.0.1');
    expect(e.explain('zh-CN').action).toContain('企业可信IP');
    await h.admin('POST', 'ip-allow-list', { ips: null });
    expect((await listDepartmentIds(h.app)).length).toBeGreaterThan(0);
  });
});

/** Calls per simulator-aligned minute window (the simulator counts in fixed windows of the simulated minute). */
function perWindow(times: number[]): number[] {
  const m = new Map<number, number>();
  for (const t of times) m.set(Math.floor(t / 60_000), (m.get(Math.floor(t / 60_000)) ?? 0) + 1);
  return [...m.values()];
}

describe('rate limiter against the simulator’s frequency limit', () => {
  it('keeps calls at or below the limit the simulator enforces: zero 45009, most of the limit used', async () => {
    const LIMIT = 300; // per simulated minute
    const time = scaledTime(24); // a simulated minute = 2.5 real seconds
    const limiter = new RateLimiter({ clock: time.clock, sleep: time.sleep, limits: { '*': { perMinute: LIMIT } } });
    h = await openHarness({ clock: time.clock, rateLimit: { perMinute: LIMIT } }, { clock: time.clock, sleep: time.sleep, limiter });
    const uid = someUserid(h);
    const N = 2 * LIMIT;
    const sent: number[] = [];
    let next = 0;
    const t0 = time.clock.now().getTime();
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        while (next < N) {
          next++;
          await getUser(h!.contact, uid);
          sent.push(time.clock.now().getTime());
        }
      }),
    );
    const elapsedMin = (time.clock.now().getTime() - t0) / 60_000;
    expect(sent).toHaveLength(N); // every call succeeded: zero unhandled 45009
    // Normally none is even seen; one could be if a grant just before a window boundary is delayed past it by a
    // very busy machine — the client then backs off and retries it, as tested below.
    expect(h.retries.filter((r) => r.errcode === 45009).length).toBeLessThanOrEqual(1);
    expect(Math.max(...perWindow(sent))).toBeLessThanOrEqual(LIMIT);
    const ratio = N / elapsedMin / LIMIT;
    // ≈ 0.96 when the machine is idle (the benchmark holds the 0.9 target); a looser floor here so a loaded CI
    // runner pausing the event loop for a few hundred simulated ms does not fail the suite.
    expect(ratio).toBeGreaterThanOrEqual(0.85);
    expect(ratio).toBeLessThanOrEqual(1.05);
  });

  it('a 45009 that still arrives (a stricter limit than configured) is backed off and retried, not surfaced', async () => {
    const time = scaledTime(60); // a simulated minute = 1 real second
    const limiter = new RateLimiter({ clock: time.clock, sleep: time.sleep, limits: { '*': { perMinute: 1000 } } });
    h = await openHarness(
      { clock: time.clock, rateLimit: { perMinute: 8 } },
      { clock: time.clock, sleep: time.sleep, limiter, backoffBaseMs: 2000, backoffMaxMs: 60_000, backoffTotalMs: 150_000 },
    );
    const uid = someUserid(h);
    const out = await Promise.all(Array.from({ length: 20 }, () => getUser(h!.contact, uid)));
    expect(out).toHaveLength(20);
    const handled = h.retries.filter((r) => r.errcode === 45009);
    expect(handled.length).toBeGreaterThan(0);
    expect(Math.max(...handled.map((r) => r.delayMs))).toBeLessThanOrEqual(60_000);
  });

  it('without a limiter, the back-off total is capped and the 45009 is then handed to the caller', async () => {
    h = await openHarness({ rateLimit: { perMinute: 3 } }, { backoffBaseMs: 10, backoffMaxMs: 40, backoffTotalMs: 100 });
    const uid = someUserid(h);
    for (let i = 0; i < 3; i++) await getUser(h.contact, uid);
    const e = (await getUser(h.contact, uid).catch((x: unknown) => x)) as WeComError;
    expect(e).toBeInstanceOf(WeComError);
    expect(e.errcode).toBe(45009);
    expect(h.retries.filter((r) => r.errcode === 45009).map((r) => r.delayMs)).toEqual([10, 20, 40]);
  });

  it('gettoken goes through the limiter under its own key', async () => {
    const limiter = new RateLimiter({ clock: { now: () => new Date() }, limits: { '*': { perHour: 20 } } });
    h = await openHarness({}, { limiter });
    await listDepartmentIds(h.contact);
    const corp = `${h.sim.url}/cgi-bin#${h.sim.corpid}`;
    // One token per bucket (burst 1 of 20/h): a used key is near 0, an unused one full.
    expect(limiter.inspect(`${corp}|gettoken`).tokens[0]).toBeLessThan(0.01);
    expect(limiter.inspect(`${corp}|department/simplelist`).tokens[0]).toBeLessThan(0.01);
    expect(limiter.inspect(`${corp}|never-called`).tokens[0]).toBe(1);
  });

  it('a call waiting in the limiter is cancelled by its AbortSignal', async () => {
    const limiter = new RateLimiter({ clock: { now: () => new Date() }, limits: { 'department/simplelist': { perMinute: 1 } } });
    h = await openHarness({}, { limiter });
    await listDepartmentIds(h.contact);
    const ac = new AbortController();
    const waiting = listDepartmentIds(h.contact, {}, { signal: ac.signal });
    setTimeout(() => ac.abort(new Error('cancelled by user')), 50);
    await expect(waiting).rejects.toThrow('cancelled by user');
  });
});
