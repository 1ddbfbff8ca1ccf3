import { describe, expect, it } from 'vitest';
import { RateLimiter, TokenStore } from '../../../main/simulator/access';
import { formatErrmsg } from '../../../main/simulator/errors';
import { seedState } from '../../../main/simulator/seed/seeds';
import { SimState } from '../../../main/simulator/sim-state';
import { errcode } from '../../helpers/sim-errcode';

const T0 = Date.UTC(2025, 0, 6, 1, 0, 0);
const state = () => new SimState(seedState('demo', T0));


describe('tokens', () => {
  it('maps each secret to its caller kind and expires after the TTL', () => {
    const s = state();
    s.settings.tokenTtlSec = 100;
    const store = new TokenStore();
    const contact = store.issue(s, s.corp.corpid, s.secrets.contact, T0);
    expect(contact.expiresIn).toBe(100);
    expect(store.resolve(s, contact.token, T0 + 99_999).kind).toBe('contact');
    expect(errcode(() => store.resolve(s, contact.token, T0 + 100_000))).toBe(42001);
    const app = store.issue(s, s.corp.corpid, s.apps[1].secret, T0);
    const caller = store.resolve(s, app.token, T0);
    expect(caller.kind === 'app' && caller.app.agentid).toBe(s.apps[1].agentid);
    expect(store.resolve(s, store.issue(s, s.corp.corpid, s.secrets.customer, T0).token, T0).kind).toBe('customer');
    expect(errcode(() => store.resolve(s, 'unknown', T0))).toBe(40014);
    expect(errcode(() => store.resolve(s, null, T0))).toBe(41001);
  });
});

describe('frequency limit', () => {
  it('allows perMinute calls per (corp, API) per simulated minute', () => {
    const s = state();
    s.settings.rateLimit = { perMinute: 2 };
    const l = new RateLimiter();
    const t = Math.floor(T0 / 60_000) * 60_000;
    l.hit(s, 'user/get', t);
    l.hit(s, 'user/get', t + 1);
    expect(errcode(() => l.hit(s, 'user/get', t + 2))).toBe(45009);
    expect(errcode(() => l.hit(s, 'user/list', t + 3))).toBeNull();
    expect(errcode(() => l.hit(s, 'user/get', t + 60_000))).toBeNull();
    s.settings.rateLimit = null;
    for (let i = 0; i < 100; i++) l.hit(s, 'user/get', t + 60_001);
  });
});

describe('errmsg', () => {
  it('follows the observed format', () => {
    expect(formatErrmsg(60020, 'not allow to access from your ip', '10.1.2.3', T0)).toMatch(
      /^not allow to access from your ip, hint: \[\d{25}\], from ip: 10\.1\.2\.3, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=60020$/,
    );
  });
});
