// Builds the initial state for a seed name: `empty` (root + apps), `demo` (the demo enterprise) or
// `synthetic:N`. Secrets and ids are deterministic per seed so that a restarted simulator accepts the same secrets.
import type { SimSettings, SimStateData } from '../types';
import { baseApp, demoApps, demoCheckins, demoExternalContacts } from './demo-extras';
import { DEMO_CORP_NAME, DEMO_CORPID, demoOrg } from './demo-org';
import { Prng } from './prng';
import { SYNTHETIC_ROOT_NAME, syntheticOrg } from './synthetic';

export type SeedName = 'demo' | 'empty' | `synthetic:${number}`;

export function parseSeed(seed: string): SeedName | null {
  if (seed === 'demo' || seed === 'empty') return seed;
  const m = /^synthetic:(\d+)$/.exec(seed);
  return m && Number(m[1]) <= 1_000_000 ? (seed as SeedName) : null;
}

export function defaultSettings(): SimSettings {
  return {
    tokenTtlSec: 7200,
    ipAllowList: null,
    rateLimit: null,
    clockOffsetMs: 0,
    callbacks: { contact: null, customer: null },
  };
}

function secretsFor(seed: string): { corpid: string; contact: string; customer: string; archive: string; apps: [string, string, string] } {
  const rng = new Prng(`secrets:${seed}`);
  const s = () => rng.token(43);
  return {
    corpid: `ww${rng.token(16, '0123456789abcdef')}`,
    contact: s(),
    customer: s(),
    archive: s(),
    apps: [s(), s(), s()],
  };
}

export function seedState(seed: SeedName, nowMs: number): SimStateData {
  const sec = secretsFor(seed);
  const common = {
    format: 'wecom-bridge-simulator/1' as const,
    seed,
    secrets: { contact: sec.contact, customer: sec.customer, archive: sec.archive },
    messages: [],
    settings: defaultSettings(),
  };
  if (seed === 'demo') {
    const org = demoOrg();
    return {
      ...common,
      corp: { corpid: DEMO_CORPID, name: DEMO_CORP_NAME },
      apps: demoApps(sec.apps, org.users),
      departments: org.departments,
      users: org.users,
      externalContacts: demoExternalContacts(org.users, nowMs),
      checkins: demoCheckins(org.users, nowMs),
    };
  }
  const apps = [baseApp(1000002, '云桥工作台', sec.apps[0]), baseApp(1000003, '研发周报', sec.apps[1]), baseApp(1000004, '高管助手', sec.apps[2])];
  apps[0].customerContactApi = true;
  apps[0].checkinApi = true;
  if (seed === 'empty') {
    return {
      ...common,
      corp: { corpid: sec.corpid, name: DEMO_CORP_NAME },
      apps,
      departments: [{ id: 1, name: DEMO_CORP_NAME, name_en: '', parentid: 0, order: 100_000_000, department_leader: [] }],
      users: [],
      externalContacts: [],
      checkins: [],
    };
  }
  const org = syntheticOrg(Number(seed.slice('synthetic:'.length)));
  return {
    ...common,
    corp: { corpid: sec.corpid, name: SYNTHETIC_ROOT_NAME },
    apps,
    departments: org.departments,
    users: org.users,
    externalContacts: [],
    checkins: [],
  };
}
