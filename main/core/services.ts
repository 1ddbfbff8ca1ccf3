import type { AppInfo } from '../api/schemas';
import type { JobRunner } from '../jobs/job-runner';
import type { AppsService } from '../services/apps-service';
import type { BasicsService } from '../services/basics-service';
import type { CorpsService } from '../services/corps-service';
import type { OaService } from '../services/oa-service';

/** Everything createCore builds; handlers and the CLI call these. */
export interface Services {
  info(): AppInfo;
  basics: BasicsService;
  corps: CorpsService;
  apps: AppsService;
  jobs: JobRunner;
  oa: OaService;
  startDiagnostics(corpId: string): string;
}
