// History (F4.14) and the apply journal (F4.12): every pull, simulation, push and edit is a run; a push's
// operations are journalled one by one so a rerun resumes without duplicates.
import type { Op } from '../sync/plan-types';
import type { Db } from './db';
import { newId } from './ids';

export type RunKind = 'pull' | 'simulate' | 'push' | 'edit' | 'bind';
export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'refused' | 'held' | 'cancelled';
export type OpStatus = 'pending' | 'started' | 'done' | 'failed' | 'held';

export interface RunRecord {
  id: string;
  corpId: string;
  kind: RunKind;
  actor: string;
  planHash: string | null;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  summary: Record<string, unknown>;
}

/** A planned operation plus what apply fixed when journalling it (the id a new department gets). */
export type JournalOp = Op & { assignedId?: number };

export interface JournalEntry {
  seq: number;
  op: JournalOp;
  status: OpStatus;
  errcode: number | null;
  message: string | null;
}

interface RunRow {
  id: string;
  corp_id: string;
  kind: RunKind;
  actor: string;
  plan_hash: string | null;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  summary_json: string;
}

const toRun = (r: RunRow): RunRecord => ({
  id: r.id,
  corpId: r.corp_id,
  kind: r.kind,
  actor: r.actor,
  planHash: r.plan_hash,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  summary: JSON.parse(r.summary_json) as Record<string, unknown>,
});

export function createRunsRepo(db: Db) {
  const q = {
    insert: db.prepare('INSERT INTO runs (id, corp_id, kind, actor, plan_hash, status, started_at, summary_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    finish: db.prepare('UPDATE runs SET status = ?, finished_at = ?, summary_json = ? WHERE id = ?'),
    setStatus: db.prepare('UPDATE runs SET status = ? WHERE id = ?'),
    get: db.prepare('SELECT * FROM runs WHERE id = ?'),
    lastRun: db.prepare(`SELECT * FROM runs WHERE corp_id = ? AND kind = ? AND plan_hash = ? ORDER BY started_at DESC, rowid DESC LIMIT 1`),
    history: db.prepare('SELECT * FROM runs ORDER BY started_at DESC, rowid DESC LIMIT ?'),
    historyCorp: db.prepare('SELECT * FROM runs WHERE corp_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?'),
    insOp: db.prepare('INSERT INTO run_ops (run_id, seq, op_key, op_json, status) VALUES (?, ?, ?, ?, ?)'),
    ops: db.prepare('SELECT seq, op_json, status, errcode, message FROM run_ops WHERE run_id = ? ORDER BY seq'),
    markOp: db.prepare('UPDATE run_ops SET status = ?, errcode = ?, message = ? WHERE run_id = ? AND seq = ?'),
    savePlan: db.prepare('INSERT OR REPLACE INTO plans (corp_id, hash, created_at, plan_json) VALUES (?, ?, ?, ?)'),
    getPlan: db.prepare('SELECT plan_json FROM plans WHERE corp_id = ? AND hash = ?'),
    prunePlans: db.prepare(`DELETE FROM plans WHERE corp_id = ? AND hash NOT IN (SELECT hash FROM plans WHERE corp_id = ? ORDER BY created_at DESC LIMIT 20)`),
  };
  return {
    start(corpId: string, kind: RunKind, actor: string, at: string, planHash: string | null = null, status: RunStatus = 'running'): string {
      const id = newId('r');
      q.insert.run(id, corpId, kind, actor, planHash, status, at, '{}');
      return id;
    },
    finish(id: string, status: RunStatus, at: string, summary: Record<string, unknown>): void {
      q.finish.run(status, at, JSON.stringify(summary), id);
    },
    setStatus: (id: string, status: RunStatus) => void q.setStatus.run(status, id),
    get: (id: string): RunRecord | null => {
      const r = q.get.get(id) as RunRow | undefined;
      return r ? toRun(r) : null;
    },
    lastPushFor(corpId: string, hash: string): RunRecord | null {
      return this.lastRunFor(corpId, 'push', hash);
    },
    lastRunFor(corpId: string, kind: RunKind, hash: string): RunRecord | null {
      const r = q.lastRun.get(corpId, kind, hash) as RunRow | undefined;
      return r ? toRun(r) : null;
    },
    history(corpId: string | null, limit: number): RunRecord[] {
      return ((corpId ? q.historyCorp.all(corpId, limit) : q.history.all(limit)) as RunRow[]).map(toRun);
    },
    /** Writes the whole journal at once, before the first operation runs. */
    journal(runId: string, ops: JournalOp[], held: (op: Op) => boolean): void {
      db.transaction(() => ops.forEach((op, seq) => q.insOp.run(runId, seq, op.key, JSON.stringify(op), held(op) ? 'held' : 'pending')))();
    },
    entries(runId: string): JournalEntry[] {
      return (q.ops.all(runId) as { seq: number; op_json: string; status: OpStatus; errcode: number | null; message: string | null }[]).map((r) => ({
        seq: r.seq,
        op: JSON.parse(r.op_json) as JournalOp,
        status: r.status,
        errcode: r.errcode,
        message: r.message,
      }));
    },
    mark: (runId: string, seq: number, status: OpStatus, errcode: number | null = null, message: string | null = null) => void q.markOp.run(status, errcode, message, runId, seq),
    savePlan(corpId: string, hash: string, at: string, plan: unknown): void {
      q.savePlan.run(corpId, hash, at, JSON.stringify(plan));
      q.prunePlans.run(corpId, corpId);
    },
    getPlan<T>(corpId: string, hash: string): T | null {
      const r = q.getPlan.get(corpId, hash) as { plan_json: string } | undefined;
      return r ? (JSON.parse(r.plan_json) as T) : null;
    },
  };
}

export type RunsRepo = ReturnType<typeof createRunsRepo>;
