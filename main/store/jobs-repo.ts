import type { JobView } from '../api/schemas';
import type { Db } from './db';

interface JobRow {
  id: string;
  kind: string;
  corp_id: string | null;
  status: JobView['status'];
  phase: string;
  done: number;
  total: number;
  result_json: string | null;
  error_json: string | null;
  started_at: string;
  finished_at: string | null;
}

const toView = (r: JobRow): JobView => ({
  id: r.id,
  kind: r.kind,
  corpId: r.corp_id,
  status: r.status,
  phase: r.phase,
  done: r.done,
  total: r.total,
  result: r.result_json ? JSON.parse(r.result_json) : null,
  error: r.error_json ? (JSON.parse(r.error_json) as JobView['error']) : null,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export function createJobsRepo(db: Db) {
  const q = {
    insert: db.prepare(`INSERT INTO jobs (id, kind, corp_id, status, started_at) VALUES (?, ?, ?, 'running', ?)`),
    progress: db.prepare('UPDATE jobs SET phase = ?, done = ?, total = ? WHERE id = ?'),
    finish: db.prepare('UPDATE jobs SET status = ?, result_json = ?, error_json = ?, finished_at = ? WHERE id = ?'),
    get: db.prepare('SELECT * FROM jobs WHERE id = ?'),
    list: db.prepare('SELECT * FROM jobs ORDER BY started_at DESC LIMIT 200'),
    listCorp: db.prepare('SELECT * FROM jobs WHERE corp_id = ? ORDER BY started_at DESC LIMIT 200'),
    orphans: db.prepare(`UPDATE jobs SET status = 'failed', error_json = ?, finished_at = ? WHERE status = 'running'`),
  };
  return {
    insert(id: string, kind: string, corpId: string | null, at: string): void {
      q.insert.run(id, kind, corpId, at);
    },
    progress(id: string, phase: string, done: number, total: number): void {
      q.progress.run(phase, done, total, id);
    },
    finish(id: string, status: JobView['status'], result: unknown, error: JobView['error'], at: string): void {
      q.finish.run(status, result === undefined || result === null ? null : JSON.stringify(result), error ? JSON.stringify(error) : null, at, id);
    },
    get(id: string): JobView | null {
      const r = q.get.get(id) as JobRow | undefined;
      return r ? toView(r) : null;
    },
    list(corpId?: string): JobView[] {
      return ((corpId ? q.listCorp.all(corpId) : q.list.all()) as JobRow[]).map(toView);
    },
    /** Jobs still "running" at start-up belong to a process that died: say so instead of spinning forever. */
    failOrphans(at: string): number {
      return q.orphans.run(JSON.stringify({ code: 'interrupted', message: '任务因程序退出而中断' }), at).changes;
    },
  };
}

export type JobsRepo = ReturnType<typeof createJobsRepo>;
