// 体验演示企业: the built-in WeCom simulator on loopback with the demo enterprise, configured exactly as a
// private deployment is (through its API base URL), plus the demo OA directory. Its state is kept in the
// data dir so the demo survives restarts.
// A new demo gets an honest history: the OA as it was at its last sync (matching WeCom exactly) is imported,
// pulled, simulated and pushed — links and bindings only, no WeCom write — and then today's OA is imported. So
// the admin's first simulation shows renamed, moved and deleted departments, which need those links.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../core/api-error';
import type { Clock } from '../core/types';
import { DEMO_CORP_NAME, startSimulator, type SimulatorHandle } from '../simulator';
import { DEMO_OA_SCOPE_UNITS, demoOaBaseline } from '../simulator/seed/demo-oa';
import { oaWorkbookBuffer } from '../simulator/seed/oa-directory';
import { isWrite } from '../sync/plan';
import type { Plan } from '../sync/plan-types';
import type { SyncSettings } from '../sync/settings-schema';
import type { AppsRepo } from '../store/apps-repo';
import type { CorpsRepo } from '../store/corps-repo';
import type { SettingsRepo } from '../store/settings-repo';
import type { CorpsService } from './corps-service';
import type { AppsService } from './apps-service';
import type { OaService } from './oa-service';
import type { PushService } from './push-service';
import type { SyncService } from './sync-service';
import type { SyncSettingsService } from './sync-settings-service';

const KEY = 'demo.corpId';
const ACTOR = 'demo';

/**
 * The demo's sync settings that differ from the defaults: part-time posts are synced (WeCom's demo org has
 * members in two departments), and 范围设置 leaves 外包人员 out. Set before the previous sync, so that the
 * admin's first simulation sees no scope change.
 */
export const DEMO_SYNC_SETTINGS: Partial<SyncSettings> = {
  'push.partTime': true,
  'scope.units': [...DEMO_OA_SCOPE_UNITS],
};

/** The previous sync must only link departments and bind people: anything else means the seed is wrong. */
function assertNoWrites(p: Plan): void {
  if (p.stop) throw new Error(`demo: the previous sync stopped: ${p.stop.message}`);
  const writes = p.ops.filter(isWrite);
  if (writes.length) throw new Error(`demo: the baseline OA differs from WeCom's demo org (${writes.length} writes, first: ${writes[0].key})`);
}

export interface DemoStatus {
  /** True when nothing is configured yet: the UI offers the demo. */
  offered: boolean;
  running: boolean;
  corpId: string | null;
  simulatorUrl: string | null;
}

export function createDemoService(deps: {
  dataDir: string;
  resourcesDir: string;
  settings: SettingsRepo;
  corpsRepo: CorpsRepo;
  appsRepo: AppsRepo;
  corps: CorpsService;
  apps: AppsService;
  oa: OaService;
  syncSettings: SyncSettingsService;
  sync: SyncService;
  push: PushService;
  clock: Clock;
}) {
  let sim: SimulatorHandle | null = null;
  let starting: Promise<SimulatorHandle> | null = null;
  const statePath = join(deps.dataDir, 'demo', 'simulator-state.json');
  const demoCorpId = () => {
    const id = deps.settings.get<string>(KEY);
    return id && deps.corpsRepo.get(id) ? id : null;
  };

  const ensureSimulator = (): Promise<SimulatorHandle> => {
    if (sim) return Promise.resolve(sim);
    starting ??= (async () => {
      mkdirSync(join(deps.dataDir, 'demo'), { recursive: true, mode: 0o700 });
      const s = await startSimulator({ host: '127.0.0.1', port: 0, seed: 'demo', statePath });
      if (!existsSync(statePath)) await s.save();
      sim = s;
      return s;
    })().finally(() => {
      starting = null;
    });
    return starting;
  };

  /** The demo's earlier sync, as an admin would have run it: settings, baseline OA, pull, simulate, push. */
  const previousSync = async (corpId: string): Promise<void> => {
    for (const [key, value] of Object.entries(DEMO_SYNC_SETTINGS)) deps.syncSettings.set(corpId, key, JSON.stringify(value), ACTOR);
    const report = deps.oa.import([{ name: 'demo-oa-baseline.xlsx', data: oaWorkbookBuffer(demoOaBaseline()) }], { dryRun: false, actor: ACTOR });
    if (!report.applied) throw new Error(`demo: the baseline OA does not import: ${JSON.stringify(report.errors.slice(0, 3))}`);
    const ctx = { signal: new AbortController().signal, progress: () => undefined };
    await deps.sync.pull(corpId, ctx, ACTOR);
    const p = await deps.sync.simulate(corpId, ACTOR);
    assertNoWrites(p);
    const pushed = await deps.push.push(corpId, { hash: p.summary.hash, actor: ACTOR }, ctx);
    if (pushed.status !== 'succeeded') throw new Error(`demo: the previous sync's push ended ${pushed.status}`);
  };

  return {
    status(): DemoStatus {
      return { offered: deps.corpsRepo.count() === 0, running: sim !== null, corpId: demoCorpId(), simulatorUrl: sim?.url ?? null };
    },

    /** Creates the demo corp (first time) or restarts its simulator and points the corp at it. */
    async start(): Promise<{ corpId: string; created: boolean }> {
      const existing = demoCorpId();
      if (!existing && deps.corpsRepo.count() > 0) throw new ApiError('conflict', '已配置企业：演示企业只在尚未配置任何企业时提供');
      const s = await ensureSimulator();
      if (existing) {
        deps.corps.update({ corpId: existing, apiBase: s.url }, ACTOR);
        return { corpId: existing, created: false };
      }
      const corp = deps.corps.create(
        { name: DEMO_CORP_NAME, corpid: s.corpid, kind: 'private', apiBase: s.url, apiPrefix: '/cgi-bin', contactSecret: s.contactSecret, customerSecret: s.customerSecret },
        ACTOR,
      );
      for (const a of s.apps) deps.apps.create({ corpId: corp.id, name: a.name, agentid: a.agentid, secret: a.secret }, ACTOR);
      deps.settings.set(KEY, corp.id, deps.clock.now().toISOString());
      const oaFile = join(deps.resourcesDir, 'demo', 'demo-oa.xlsx');
      // An OA directory the admin imported himself is his, not the demo's: left as it is.
      if (existsSync(oaFile) && !deps.oa.summary().lastImport) {
        await previousSync(corp.id);
        deps.oa.import([{ name: 'demo-oa.xlsx', data: readFileSync(oaFile) }], { dryRun: false, actor: ACTOR });
      }
      return { corpId: corp.id, created: true };
    },

    /** At start-up: a demo corp from an earlier launch gets its simulator back. */
    async resume(): Promise<void> {
      if (demoCorpId()) await this.start();
    },

    async stop(): Promise<void> {
      const s = sim ?? (starting ? await starting.catch(() => null) : null);
      sim = null;
      if (s) {
        await s.save().catch(() => undefined);
        await s.close();
      }
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
