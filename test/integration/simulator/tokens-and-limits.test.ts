// gettoken per secret, token expiry/refresh, WeCom's errmsg format with the caller IP, the IP allow-list (60020)
// and the per-(corp, API) frequency limit (45009) — all through the real client over loopback HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../../main/simulator';
import { exchange } from '../../../main/wecom/client';
import { WeComError, WeComNetworkError } from '../../../main/wecom/wecom-error';
import { admin, Any, appClient, clientFor, endpointOf, rejection } from './sim-helpers';

const ERRMSG = /^.+, hint: \[\d{25}\], from ip: 127\.0\.0\.1, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=(\d+)$/;

let sim: SimulatorHandle;
beforeEach(async () => {
  sim = await startSimulator({ seed: 'demo', port: 0 });
});
afterEach(async () => {
  await sim.close();
});

describe('gettoken', () => {
  it('issues a token per secret with the configured TTL, and 40001/40013/41002/41004 otherwise', async () => {
    const ep = endpointOf(sim);
    const ok = await exchange(ep, 'GET', 'gettoken', { corpid: sim.corpid, corpsecret: sim.contactSecret }, undefined, 5000);
    expect(ok.errcode).toBe(0);
    expect(ok.errmsg).toBe('ok');
    expect(ok.expires_in).toBe(7200);
    expect(String(ok.access_token).length).toBeGreaterThan(32);
    const cases: [Record<string, string>, number][] = [
      [{ corpid: sim.corpid, corpsecret: 'wrong' }, 40001],
      [{ corpid: 'wwnotthiscorp', corpsecret: sim.contactSecret }, 40013],
      [{ corpsecret: sim.contactSecret }, 41002],
      [{ corpid: sim.corpid }, 41004],
    ];
    for (const [query, code] of cases) {
      const env = await exchange(ep, 'GET', 'gettoken', query, undefined, 5000);
      expect(env.errcode).toBe(code);
      expect(env.errmsg).toMatch(ERRMSG);
      expect(ERRMSG.exec(env.errmsg)?.[1]).toBe(String(code));
    }
  });

  it('the client reports a wrong secret as WeComError 40001', async () => {
    const err = await rejection(clientFor(sim, 'not-the-secret').get('department/list', {}, Any));
    expect(err).toBeInstanceOf(WeComError);
    expect(err.errcode).toBe(40001);
  });

  it('answers 41001 without a token and 40014 for an unknown one', async () => {
    const ep = endpointOf(sim);
    expect((await exchange(ep, 'GET', 'department/list', {}, undefined, 5000)).errcode).toBe(41001);
    expect((await exchange(ep, 'GET', 'department/list', { access_token: 'bogus' }, undefined, 5000)).errcode).toBe(40014);
  });

  it('expires tokens on the simulated clock (42001) and the client refreshes once and succeeds', async () => {
    await admin(sim, 'token-ttl', { seconds: 60 });
    const client = clientFor(sim, sim.contactSecret);
    const stale = await client.token();
    expect((await client.get('department/simplelist', {}, Any)).errcode).toBe(0);
    await admin(sim, 'clock', { advanceSec: 61 });
    const raw = await exchange(endpointOf(sim), 'GET', 'department/simplelist', { access_token: stale }, undefined, 5000);
    expect(raw.errcode).toBe(42001);
    // The client's own cache still believes the token is fresh: WeCom's 42001 makes it refresh and retry once.
    const again = await client.get('department/simplelist', {}, Any);
    expect(again.errcode).toBe(0);
    expect(await client.token()).not.toBe(stale);
  });
});

describe('IP allow-list', () => {
  it('refuses other IPs with 60020 naming the caller IP, and admits listed ones', async () => {
    const client = appClient(sim, 1000002);
    await admin(sim, 'ip-allow-list', { ips: ['203.0.113.7'] });
    const err = await rejection(client.get('agent/get', { agentid: 1000002 }, Any));
    expect(err).toBeInstanceOf(WeComError);
    expect(err.errcode).toBe(60020);
    expect(err.errmsg).toMatch(/^not allow to access from your ip, hint: \[\d+\], from ip: 127\.0\.0\.1, more info at .*e=60020$/);
    expect(err.callerIp).toBe('127.0.0.1');
    await admin(sim, 'ip-allow-list', { ips: ['203.0.113.7', '127.0.0.1'] });
    expect((await client.get('agent/get', { agentid: 1000002 }, Any)).agentid).toBe(1000002);
  });
});

describe('frequency limit', () => {
  it('answers 45009 beyond perMinute calls of one API, per API, until the minute passes', async () => {
    const client = clientFor(sim, sim.contactSecret);
    await client.token();
    await admin(sim, 'rate-limit', { perMinute: 5 });
    // Align on the start of a simulated minute so the window cannot roll over mid-test.
    const { now } = await admin<{ now: number }>(sim, 'clock', {});
    await admin(sim, 'clock', { advanceMs: 60_000 - (now % 60_000) + 10 });
    for (let i = 0; i < 5; i++) expect((await client.get('department/get', { id: 1 }, Any)).errcode).toBe(0);
    const err = await rejection(client.get('department/get', { id: 1 }, Any));
    expect(err).toBeInstanceOf(WeComError);
    expect(err.errcode).toBe(45009);
    // Another API has its own budget.
    expect((await client.get('department/simplelist', {}, Any)).errcode).toBe(0);
    await admin(sim, 'clock', { advanceSec: 60 });
    expect((await client.get('department/get', { id: 1 }, Any)).errcode).toBe(0);
  });

  it('is off by default', async () => {
    const client = clientFor(sim, sim.contactSecret);
    const replies = await Promise.all(Array.from({ length: 50 }, () => client.get('department/get', { id: 1 }, Any)));
    expect(replies.every((r) => r.errcode === 0)).toBe(true);
  });
});

describe('paths and methods', () => {
  it('answers HTTP 404 for an unknown path', async () => {
    const err = await rejection(clientFor(sim, sim.contactSecret).get('no/such/api', {}, Any));
    expect(err).toBeInstanceOf(WeComNetworkError);
    expect(err.message).toMatch(/404/);
  });

  it('sets Error-Code on errors and keeps HTTP 200', async () => {
    const res = await fetch(`${sim.url}/cgi-bin/user/get?access_token=x&userid=a`);
    expect(res.status).toBe(200);
    expect(res.headers.get('error-code')).toBe('40014');
  });
});
