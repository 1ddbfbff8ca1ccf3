import { createStore } from 'zustand/vanilla';
import type { EventPayload } from '../../main/api/events';
import { DiagReport, type JobView } from '../../main/api/schemas';
import { toApiError, type ApiClient } from '../api';

export type Progress = Pick<EventPayload<'job.progress'>, 'phase' | 'done' | 'total'>;

export interface DiagState {
  jobId: string | null;
  running: boolean;
  progress: Progress | null;
  report: DiagReport | null;
  error: string | null;
}

/** Jobs (long operations) and the network diagnostics built on them (F0.2). */
export interface JobsState {
  jobs: Record<string, JobView>;
  progress: Record<string, Progress>;
  diagByCorp: Record<string, DiagState>;
  /** Follows a job until it ends: progress from events, state from jobs.get (which survives missed events). */
  track(jobId: string): Promise<JobView>;
  startDiag(corpId: string): Promise<DiagState>;
}

export type JobsStore = ReturnType<typeof createJobsStore>;

export interface JobsOptions {
  pollMs?: number;
}

const idle: DiagState = { jobId: null, running: false, progress: null, report: null, error: null };

export function createJobsStore(client: ApiClient, opts: JobsOptions = {}) {
  const pollMs = opts.pollMs ?? 1000;
  return createStore<JobsState>()((set, get) => {
    const putJob = (job: JobView) => set((s) => ({ jobs: { ...s.jobs, [job.id]: job } }));
    const setDiag = (corpId: string, patch: Partial<DiagState>) =>
      set((s) => ({ diagByCorp: { ...s.diagByCorp, [corpId]: { ...(s.diagByCorp[corpId] ?? idle), ...patch } } }));

    return {
      jobs: {},
      progress: {},
      diagByCorp: {},

      track(jobId) {
        return new Promise<JobView>((resolve, reject) => {
          let timer: ReturnType<typeof setTimeout> | null = null;
          let done = false;
          const finish = (job: JobView | null, err?: unknown) => {
            if (done) return;
            done = true;
            if (timer) clearTimeout(timer);
            offProgress();
            offFinished();
            if (job) {
              putJob(job);
              resolve(job);
            } else reject(toApiError(err));
          };
          const offProgress = client.subscribe('job.progress', (p) => {
            if (p.jobId !== jobId) return;
            set((s) => ({ progress: { ...s.progress, [jobId]: { phase: p.phase, done: p.done, total: p.total } } }));
          });
          const offFinished = client.subscribe('job.finished', (job) => {
            if (job.id === jobId) finish(job);
          });
          const poll = async () => {
            try {
              const job = await client.call('jobs.get', { jobId });
              if (job.status !== 'running') return finish(job);
              putJob(job);
              if (!done) timer = setTimeout(poll, pollMs);
            } catch (e) {
              finish(null, e);
            }
          };
          void poll();
        });
      },

      async startDiag(corpId) {
        setDiag(corpId, { ...idle, running: true });
        try {
          const { jobId } = await client.call('diag.start', { corpId });
          setDiag(corpId, { jobId });
          const job = await get().track(jobId);
          if (job.status !== 'succeeded') {
            setDiag(corpId, { running: false, error: job.error?.message ?? job.status });
          } else {
            const parsed = DiagReport.safeParse(job.result);
            setDiag(corpId, parsed.success
              ? { running: false, report: parsed.data }
              : { running: false, error: 'bad_response' });
          }
        } catch (e) {
          setDiag(corpId, { running: false, error: toApiError(e).message });
        }
        return get().diagByCorp[corpId] ?? idle;
      },
    };
  });
}

export function diagProgress(s: JobsState, corpId: string): Progress | null {
  const d = s.diagByCorp[corpId];
  return d?.jobId ? (s.progress[d.jobId] ?? null) : null;
}
