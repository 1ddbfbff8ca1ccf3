// Long operations are jobs: an id at once, throttled progress events, cooperative cancel, a record that
// outlives the process. Starting a kind that is already running for the corp returns the running id.
import type { JobView } from '../api/schemas';
import type { EventBus } from '../core/event-bus';
import type { Clock } from '../core/types';
import { newId } from '../store/ids';
import type { JobsRepo } from '../store/jobs-repo';

export interface JobContext {
  signal: AbortSignal;
  progress(phase: string, done: number, total: number): void;
}

export type JobFn = (ctx: JobContext) => Promise<unknown>;

export class JobCancelled extends Error {
  readonly code = 'cancelled';
  constructor() {
    super('任务已取消');
  }
}

interface Running {
  id: string;
  key: string;
  controller: AbortController;
  done: Promise<JobView>;
}

const PROGRESS_INTERVAL_MS = 150;

export class JobRunner {
  private readonly running = new Map<string, Running>();
  private readonly byKey = new Map<string, string>();

  constructor(
    private readonly repo: JobsRepo,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly toError: (e: unknown) => NonNullable<JobView['error']>,
  ) {
    repo.failOrphans(clock.now().toISOString());
  }

  start(kind: string, corpId: string | null, fn: JobFn): string {
    const key = `${kind}|${corpId ?? ''}`;
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const id = newId('j');
    const controller = new AbortController();
    this.repo.insert(id, kind, corpId, this.clock.now().toISOString());
    let last = 0;
    let lastPhase = '';
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (phase, done, total) => {
        const now = Date.now();
        if (phase === lastPhase && done < total && now - last < PROGRESS_INTERVAL_MS) return;
        last = now;
        lastPhase = phase;
        this.repo.progress(id, phase, done, total);
        this.bus.emit('job.progress', { jobId: id, kind, phase, done, total });
      },
    };
    const done = (async (): Promise<JobView> => {
      // Let start() return the id before any work (and any synchronous throw) happens.
      await Promise.resolve();
      try {
        const result = await fn(ctx);
        if (controller.signal.aborted) throw new JobCancelled();
        this.repo.finish(id, 'succeeded', result ?? null, null, this.clock.now().toISOString());
      } catch (e) {
        const cancelled = controller.signal.aborted;
        this.repo.finish(id, cancelled ? 'cancelled' : 'failed', null, cancelled ? { code: 'cancelled', message: '任务已取消' } : this.toError(e), this.clock.now().toISOString());
      } finally {
        this.running.delete(id);
        this.byKey.delete(key);
      }
      const view = this.repo.get(id)!;
      this.bus.emit('job.finished', view);
      return view;
    })();
    this.running.set(id, { id, key, controller, done });
    this.byKey.set(key, id);
    return id;
  }

  get(id: string): JobView | null {
    return this.repo.get(id);
  }

  list(corpId?: string): JobView[] {
    return this.repo.list(corpId);
  }

  cancel(id: string): JobView | null {
    this.running.get(id)?.controller.abort(new JobCancelled());
    return this.repo.get(id);
  }

  /** Resolves when the job ends (at once for a finished one). */
  async wait(id: string): Promise<JobView | null> {
    const r = this.running.get(id);
    return r ? r.done : this.repo.get(id);
  }

  /** Cancel everything and wait for the jobs to record their end (draining shutdown). */
  async drain(): Promise<void> {
    const all = [...this.running.values()];
    for (const r of all) r.controller.abort(new JobCancelled());
    await Promise.allSettled(all.map((r) => r.done));
  }
}
