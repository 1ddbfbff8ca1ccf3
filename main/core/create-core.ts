// The composition root: build every service from its dependencies. Shells add only a transport.
import { mkdirSync } from 'node:fs';
import { createDispatch, toApiError } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { JobRunner } from '../jobs/job-runner';
import { createAppsService } from '../services/apps-service';
import { createBasicsService } from '../services/basics-service';
import { createCorpsService } from '../services/corps-service';
import { createOaService } from '../services/oa-service';
import { createBindingsService } from '../services/bindings-service';
import { createCallbackService } from '../services/callback-service';
import { createPushService } from '../services/push-service';
import { createEditService } from '../services/edit-service';
import { createSyncService } from '../services/sync-service';
import { createSyncSettingsService } from '../services/sync-settings-service';
import { createDemoService } from '../services/demo-service';
import { createScheduler, type Scheduler } from '../sync/scheduler';
import { join } from 'node:path';
import { createCorpSettingsRepo } from '../store/corp-settings-repo';
import { createMirrorRepo } from '../store/mirror-repo';
import { createRunsRepo } from '../store/runs-repo';
import { runDiagnostics } from '../services/diagnostics';
import { createWeComClients } from '../services/wecom-clients';
import { createAppsRepo } from '../store/apps-repo';
import { createAuditRepo } from '../store/audit-repo';
import { createCorpsRepo } from '../store/corps-repo';
import { openDb } from '../store/db';
import { createJobsRepo } from '../store/jobs-repo';
import { createOaRepo } from '../store/oa-repo';
import { createSettingsRepo } from '../store/settings-repo';
import { closeDispatchers } from '../wecom/endpoint';
import { dbPath } from './data-dir';
import { createPlanRunner } from '../sync/plan-runner';
import { EventBus } from './event-bus';
import { createLogger } from './logger';
import type { Services } from './services';
import { systemClock, type CoreHandle, type CoreOptions } from './types';

export interface Core extends CoreHandle {
  services: Services;
  bus: EventBus;
  setListenerBase(url: string | null): void;
}

export const VERSION = '0.1.0';

export async function createCore(opts: CoreOptions): Promise<Core> {
  const clock = opts.clock ?? systemClock;
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const log = createLogger(opts.dataDir);
  const db = openDb(dbPath(opts.dataDir));
  const bus = new EventBus();
  let listenerBase = opts.listenerBase ?? null;

  const settings = createSettingsRepo(db);
  const corpsRepo = createCorpsRepo(db, opts.secretBox);
  const appsRepo = createAppsRepo(db, opts.secretBox);
  const audit = createAuditRepo(db);
  const clients = createWeComClients({ corps: corpsRepo, apps: appsRepo, clock });
  const jobs = new JobRunner(createJobsRepo(db), bus, clock, (e) => {
    const err = toApiError(e, log);
    return { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) };
  });

  const basics = createBasicsService({ settings, corps: corpsRepo, audit, clock, listenerBase: () => listenerBase });
  const corps = createCorpsService({ corps: corpsRepo, audit, clients, bus, clock });
  const apps = createAppsService({ apps: appsRepo, corps, audit, clients, clock });
  const oaRepo = createOaRepo(db);
  const oa = createOaService({ oa: oaRepo, settings, audit, clock, box: opts.secretBox });
  const mirror = createMirrorRepo(db);
  const runs = createRunsRepo(db);
  // The scheduler is built below; settings changes reach it through this late-bound hook.
  let scheduler: Scheduler | null = null;
  const syncSettings = createSyncSettingsService({ corps: corpsRepo, apps: appsRepo, store: createCorpSettingsRepo(db), audit, clock, onChange: (corpId, key) => key.startsWith('schedule.') && scheduler?.reload(corpId), oaSource: () => oa.activeSource() });
  const planner = createPlanRunner({ dbFile: dbPath(opts.dataDir), oa: oaRepo, mirror, runs, workerFrom: opts.planInWorkerFrom });
  const sync = createSyncService({ corps: corpsRepo, apps: appsRepo, mirror, oa: oaRepo, runs, settings: syncSettings, clients, clock, dataDir: opts.dataDir, planner, oaSink: oa });
  const push = createPushService({ corps: corpsRepo, mirror, runs, sync, settings: syncSettings, clients, clock });
  const edits = createEditService({ corps: corpsRepo, mirror, oa: oaRepo, runs, sync, settings: syncSettings, clients, clock });
  const bindings = createBindingsService({ mirror, oa: oaRepo, runs, audit, clock });
  const schedules = createScheduler({ corps: corpsRepo, settings: syncSettings, jobs, sync, push, runs, clock });
  if (opts.runSchedules) {
    scheduler = schedules;
    schedules.reload();
    bus.on((name, payload) => {
      if (name === 'corps.changed') schedules.reload((payload as { corpId: string | null }).corpId ?? undefined);
    });
  }
  const callbacks = createCallbackService({ db, secretBox: opts.secretBox, corps, apps, basics, settings, audit, mirror, runs, bus, clock, log });
  const demo = createDemoService({ dataDir: opts.dataDir, resourcesDir: opts.resourcesDir ?? join(__dirname, '..', '..', 'resources'), settings, corpsRepo, appsRepo, corps, apps, oa, syncSettings, sync, push, clock });

  const services: Services = {
    info: () => ({
      version: opts.version ?? VERSION,
      shell: opts.shell,
      dataDir: opts.dataDir,
      secretBox: opts.secretBox.kind,
      corpCount: corpsRepo.count(),
    }),
    basics,
    corps,
    apps,
    jobs,
    oa,
    syncSettings,
    demo,
    scheduler: schedules,
    sync,
    push,
    edits,
    bindings,
    mirror,
    runs,
    callbacks,
    startPull: (corpId) => {
      corps.record(corpId);
      return jobs.start('pull', corpId, (ctx) => sync.pull(corpId, ctx));
    },
    startPush: (corpId, o) => {
      corps.record(corpId);
      return jobs.start('push', corpId, (ctx) => push.push(corpId, o, ctx));
    },
    startEdit: (corpId, o) => {
      corps.record(corpId);
      return jobs.start('edit', corpId, (ctx) => edits.apply(corpId, o, ctx));
    },
    startDiagnostics(corpId) {
      const corp = corps.record(corpId);
      return jobs.start('diagnostics', corpId, (ctx) => runDiagnostics(corp, { clients, externalAddress: basics.externalAddress() }, ctx));
    },
  };

  const dispatch = createDispatch(createHandlers(services), { validateOutput: process.env.NODE_ENV !== 'production', log });
  log.info({ dataDir: opts.dataDir, shell: opts.shell }, 'core started');

  return {
    services,
    bus,
    dispatch,
    onEvent: (l) => bus.on(l),
    setListenerBase(url) {
      listenerBase = url;
    },
    async close() {
      schedules.stop();
      await jobs.drain();
      await demo.stop();
      await planner.close();
      await closeDispatchers();
      callbacks.close();
      db.close();
      log.flush();
    },
  };
}
