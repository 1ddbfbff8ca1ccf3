// F4.2 / F4.8 schedules: timed pulls and unattended pushes per corp (croner). A run that would overlap a
// job already running is skipped and recorded; an unattended push applies only what the safety rules
// allow and never a held part — holds go to history.
import { Cron } from 'croner';
import type { Clock } from '../core/types';
import type { JobRunner } from '../jobs/job-runner';
import type { CorpsRepo } from '../store/corps-repo';
import type { RunsRepo } from '../store/runs-repo';
import type { PushService } from '../services/push-service';
import type { SyncService } from '../services/sync-service';
import type { SyncSettingsService } from '../services/sync-settings-service';

export type ScheduleKind = 'pull' | 'push';

export interface ScheduleView {
  kind: ScheduleKind;
  cron: string | null;
  next: string[];
}

export function nextRuns(cron: string, n = 3, from?: Date): string[] {
  const c = new Cron(cron, { paused: true });
  try {
    return c.nextRuns(n, from).map((d) => d.toISOString());
  } finally {
    c.stop();
  }
}

export function createScheduler(deps: { corps: CorpsRepo; settings: SyncSettingsService; jobs: JobRunner; sync: SyncService; push: PushService; runs: RunsRepo; clock: Clock }) {
  const timers = new Map<string, Cron>();
  const now = () => deps.clock.now().toISOString();

  const skipped = (corpId: string, kind: ScheduleKind, reason: string) => {
    const id = deps.runs.start(corpId, kind, 'schedule', now(), null, 'refused');
    deps.runs.finish(id, 'refused', now(), { scheduled: true, reason });
  };

  function fire(corpId: string, kind: ScheduleKind): void {
    const running = deps.jobs.list(corpId).find((j) => j.status === 'running' && (j.kind === 'pull' || j.kind === 'push'));
    if (running) return skipped(corpId, kind, `已有任务在运行（${running.kind} ${running.id}），本次定时${kind === 'pull' ? '同步' : '推送'}跳过`);
    if (kind === 'pull') {
      deps.jobs.start('pull', corpId, (ctx) => deps.sync.pull(corpId, ctx, 'schedule'));
      return;
    }
    deps.jobs.start('push', corpId, async (ctx) => {
      await deps.sync.pull(corpId, ctx, 'schedule');
      const plan = await deps.sync.simulate(corpId, 'schedule');
      if (plan.stop) return { status: 'refused', reason: plan.stop.message };
      if (plan.summary.safety.held.some((h) => h.part === 'run')) return { status: 'held', held: plan.summary.safety.held };
      if (plan.summary.changes === 0) return { status: 'succeeded', done: 0, failed: [] };
      // Unattended: the destructive count is the plan's own; a user-part hold applies departments only.
      return deps.push.push(corpId, { hash: plan.summary.hash, confirm: plan.summary.destructive, actor: 'schedule' }, ctx);
    });
  }

  return {
    /** (Re)reads one corp's schedules, or every corp's. */
    reload(corpId?: string): void {
      const ids = corpId ? [corpId] : deps.corps.list().map((c) => c.id);
      for (const id of ids) {
        for (const kind of ['pull', 'push'] as const) {
          const key = `${id}|${kind}`;
          timers.get(key)?.stop();
          timers.delete(key);
          const corp = deps.corps.get(id);
          if (!corp) continue;
          const cron = deps.settings.effective(id)[`schedule.${kind}`];
          if (cron) timers.set(key, new Cron(cron, { protect: true, catch: true }, () => fire(id, kind)));
        }
      }
    },
    view(corpId: string): ScheduleView[] {
      const s = deps.settings.effective(corpId);
      return (['pull', 'push'] as const).map((kind) => {
        const cron = s[`schedule.${kind}`];
        return { kind, cron, next: cron ? nextRuns(cron, 3, deps.clock.now()) : [] };
      });
    },
    /** For tests and the UI's "run now": the same path a timer takes. */
    fire,
    stop(): void {
      for (const t of timers.values()) t.stop();
      timers.clear();
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
