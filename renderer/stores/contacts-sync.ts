// 【通讯录同步】 run slice: pull (F4.2), simulate and the diff tree (F4.10), push with live progress (F4.12).
import type { Out } from '../../main/api/contract';
import type { JobView } from '../../main/api/schemas';
import { PullSummaryView, PushResultView } from '../../main/api/sync-schemas';
import { ApiError, toApiError, type ApiClient } from '../api';
import type { ContactsState } from './contacts';
import type { JobsStore } from './jobs';

export type SimulateResult = Out<'sync.simulate'>;
export type DiffTreeData = Out<'sync.diffTree'>;
export type PushStatus = Out<'sync.pushStatus'>;
export type PullSummary = ReturnType<typeof PullSummaryView.parse>;
export type PushResult = ReturnType<typeof PushResultView.parse>;

export interface PullRun {
  jobId: string | null;
  running: boolean;
  result: PullSummary | null;
  error: ApiError | null;
}

export interface Simulation {
  running: boolean;
  result: SimulateResult | null;
  tree: DiffTreeData | null;
  error: ApiError | null;
}

export interface PushRun {
  jobId: string | null;
  hash: string;
  running: boolean;
  startedAt: number;
  /** The journal as last read (errors so far while running). */
  status: PushStatus | null;
  job: JobView | null;
  result: PushResult | null;
  error: ApiError | null;
}

export interface ContactsSyncSlice {
  pulls: Record<string, PullRun>;
  sims: Record<string, Simulation>;
  pushes: Record<string, PushRun>;
  pull(corpId: string): Promise<PullRun>;
  simulate(corpId: string): Promise<Simulation>;
  /** Opens a stored plan (from history) by its hash. */
  openPlan(corpId: string, hash: string): Promise<Simulation>;
  push(corpId: string, opts: { hash: string; confirm?: number; approveHeld: boolean }): Promise<PushRun>;
  cancelPush(corpId: string): Promise<void>;
  clearPush(corpId: string): void;
}

type Set = (fn: (s: ContactsState) => Partial<ContactsState>) => void;

const idleSim: Simulation = { running: false, result: null, tree: null, error: null };

/** A failed job's error as an ApiError (its code decides the screen: stale_plan, not_configured…). */
function jobError(job: JobView): ApiError {
  return new ApiError(job.error ?? { code: job.status, message: job.status });
}

export function contactsSyncSlice(client: ApiClient, jobs: JobsStore, set: Set, get: () => ContactsState, pollMs = 1000): ContactsSyncSlice {
  const patch = <K extends 'pulls' | 'sims' | 'pushes'>(key: K, corpId: string, value: Partial<ContactsState[K][string]>) =>
    set((s) => ({ [key]: { ...s[key], [corpId]: { ...(s[key][corpId] ?? {}), ...value } } }) as Partial<ContactsState>);

  async function loadTree(corpId: string, result: SimulateResult): Promise<Simulation> {
    if (result.stop) {
      patch('sims', corpId, { running: false, result, tree: null, error: null });
    } else {
      const tree = await client.call('sync.diffTree', { corpId, hash: result.summary.hash });
      patch('sims', corpId, { running: false, result, tree, error: null });
    }
    return get().sims[corpId];
  }

  return {
    pulls: {},
    sims: {},
    pushes: {},

    async pull(corpId) {
      patch('pulls', corpId, { jobId: null, running: true, result: null, error: null });
      try {
        const { jobId } = await client.call('sync.pull', { corpId });
        patch('pulls', corpId, { jobId });
        const job = await jobs.getState().track(jobId);
        const parsed = PullSummaryView.safeParse(job.result);
        if (job.status === 'succeeded' && parsed.success) patch('pulls', corpId, { running: false, result: parsed.data });
        else patch('pulls', corpId, { running: false, error: jobError(job) });
      } catch (e) {
        patch('pulls', corpId, { running: false, error: toApiError(e) });
      }
      void get().loadState(corpId);
      return get().pulls[corpId];
    },

    async simulate(corpId) {
      // A new plan replaces the last apply's result (a running apply stays on screen).
      if (get().pushes[corpId] && !get().pushes[corpId].running) get().clearPush(corpId);
      patch('sims', corpId, { ...(get().sims[corpId] ?? idleSim), running: true, error: null });
      try {
        return await loadTree(corpId, await client.call('sync.simulate', { corpId }));
      } catch (e) {
        patch('sims', corpId, { running: false, error: toApiError(e) });
        return get().sims[corpId];
      }
    },

    async openPlan(corpId, hash) {
      patch('sims', corpId, { ...(get().sims[corpId] ?? idleSim), running: true, error: null });
      try {
        // The diff tree carries the summary: no need for the plan's full operation list.
        const tree = await client.call('sync.diffTree', { corpId, hash });
        patch('sims', corpId, { running: false, result: { summary: tree.summary, stop: tree.stop }, tree, error: null });
        return get().sims[corpId];
      } catch (e) {
        patch('sims', corpId, { running: false, error: toApiError(e) });
        return get().sims[corpId];
      }
    },

    async push(corpId, opts) {
      const run: PushRun = { jobId: null, hash: opts.hash, running: true, startedAt: Date.now(), status: null, job: null, result: null, error: null };
      set((s) => ({ pushes: { ...s.pushes, [corpId]: run } }));
      let timer: ReturnType<typeof setTimeout> | null = null;
      const readStatus = async () => {
        try {
          patch('pushes', corpId, { status: await client.call('sync.pushStatus', { corpId, hash: opts.hash }) });
        } catch {
          // Errors so far are a courtesy; the final result comes from the job.
        }
      };
      const poll = async () => {
        await readStatus();
        if (get().pushes[corpId]?.running) timer = setTimeout(poll, pollMs);
      };
      try {
        const { jobId } = await client.call('sync.push', { corpId, hash: opts.hash, confirm: opts.confirm, approveHeld: opts.approveHeld });
        patch('pushes', corpId, { jobId });
        timer = setTimeout(poll, pollMs);
        const job = await jobs.getState().track(jobId);
        if (timer) clearTimeout(timer);
        const parsed = PushResultView.safeParse(job.result);
        patch('pushes', corpId, { running: false, job, result: parsed.success ? parsed.data : null, error: job.status === 'succeeded' ? null : jobError(job) });
        await readStatus();
      } catch (e) {
        if (timer) clearTimeout(timer);
        patch('pushes', corpId, { running: false, error: toApiError(e) });
      }
      void get().loadState(corpId);
      return get().pushes[corpId];
    },

    async cancelPush(corpId) {
      const jobId = get().pushes[corpId]?.jobId;
      if (jobId) await client.call('jobs.cancel', { jobId });
    },

    clearPush(corpId) {
      set((s) => {
        const { [corpId]: _gone, ...rest } = s.pushes;
        return { pushes: rest };
      });
    },
  };
}
