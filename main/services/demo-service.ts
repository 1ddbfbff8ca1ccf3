// 体验演示企业: the built-in WeCom simulator on loopback with the demo enterprise, configured exactly as a
// private deployment is (through its API base URL), plus the demo OA directory. Its state is kept in the
// data dir so the demo survives restarts.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../core/api-error';
import type { Clock } from '../core/types';
import { DEMO_CORP_NAME, startSimulator, type SimulatorHandle } from '../simulator';
import type { AppsRepo } from '../store/apps-repo';
import type { CorpsRepo } from '../store/corps-repo';
import type { SettingsRepo } from '../store/settings-repo';
import type { CorpsService } from './corps-service';
import type { AppsService } from './apps-service';
import type { OaService } from './oa-service';

const KEY = 'demo.corpId';

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
        deps.corps.update({ corpId: existing, apiBase: s.url }, 'demo');
        return { corpId: existing, created: false };
      }
      const corp = deps.corps.create(
        { name: DEMO_CORP_NAME, corpid: s.corpid, kind: 'private', apiBase: s.url, apiPrefix: '/cgi-bin', contactSecret: s.contactSecret, customerSecret: s.customerSecret },
        'demo',
      );
      for (const a of s.apps) deps.apps.create({ corpId: corp.id, name: a.name, agentid: a.agentid, secret: a.secret }, 'demo');
      deps.settings.set(KEY, corp.id, deps.clock.now().toISOString());
      const oaFile = join(deps.resourcesDir, 'demo', 'demo-oa.xlsx');
      if (existsSync(oaFile) && !deps.oa.summary().lastImport) {
        deps.oa.import([{ name: 'demo-oa.xlsx', data: readFileSync(oaFile) }], { dryRun: false, actor: 'demo' });
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
