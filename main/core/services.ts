import type { AppInfo } from '../api/schemas';
import type { JobRunner } from '../jobs/job-runner';
import type { AppsService } from '../services/apps-service';
import type { BasicsService } from '../services/basics-service';
import type { CorpsService } from '../services/corps-service';
import type { OaService } from '../services/oa-service';
import type { BindingsService } from '../services/bindings-service';
import type { CallbackService } from '../services/callback-service';
import type { PushService } from '../services/push-service';
import type { EditService } from '../services/edit-service';
import type { SyncService } from '../services/sync-service';
import type { DemoService } from '../services/demo-service';
import type { Scheduler } from '../sync/scheduler';
import type { SyncSettingsService } from '../services/sync-settings-service';
import type { MirrorRepo } from '../store/mirror-repo';
import type { RunsRepo } from '../store/runs-repo';

/** Everything createCore builds; handlers and the CLI call these. */
export interface Services {
  info(): AppInfo;
  basics: BasicsService;
  corps: CorpsService;
  apps: AppsService;
  jobs: JobRunner;
  oa: OaService;
  syncSettings: SyncSettingsService;
  demo: DemoService;
  scheduler: Scheduler;
  sync: SyncService;
  push: PushService;
  edits: EditService;
  bindings: BindingsService;
  mirror: MirrorRepo;
  runs: RunsRepo;
  callbacks: CallbackService;
  startPull(corpId: string): string;
  startPush(corpId: string, opts: { hash: string; confirm?: number; approveHeld?: boolean }): string;
  /** F4.15: applies a previewed console edit (a one-operation plan) as a job. */
  startEdit(corpId: string, opts: { id: string; confirm?: number }): string;
  startDiagnostics(corpId: string): string;
}
