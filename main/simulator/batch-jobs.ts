// WeCom's async batch jobs (batch/syncuser, replaceuser, replaceparty): they really run on the uploaded CSV, a
// chunk of rows per event-loop turn, so getresult sees status 1 → 2 → 3; on completion a batch_job_result event is
// called back. Only the last 5 results are kept (older jobids → 40089). These are API changes: no change_contact.
import { randomBytes } from 'node:crypto';
import { parsePartyCsv, parseUserCsv, type CsvPartyRow, type CsvUserRow } from './batch-csv';
import type { CallbackDispatcher } from './callback-delivery';
import type { UserCreateInput, UserUpdateInput } from './contact-schemas';
import { createDepartment, deleteDepartment, updateDepartment } from './dept-ops';
import { SimError, errText } from './errors';
import { ROOT_DEPT_ID, userKey, type SimState } from './sim-state';
import type { CallbackTarget } from './types';
import { createUser, deleteUser, updateUser } from './user-ops';

export type JobType = 'sync_user' | 'replace_user' | 'replace_party';

interface Job {
  jobid: string;
  type: JobType;
  status: 1 | 2 | 3;
  total: number;
  done: number;
  result: Record<string, unknown>[];
  errcode: number;
  errmsg: string;
}

const KEEP = 5;
const CHUNK = 200;

function outcome(e: unknown): { errcode: number; errmsg: string } {
  if (e instanceof SimError) return { errcode: e.errcode, errmsg: e.message };
  return { errcode: -1, errmsg: errText(-1) };
}

export class BatchJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly purged = new Set<string>();
  private stopped = false;

  constructor(
    private readonly state: SimState,
    private readonly callbacks: CallbackDispatcher,
  ) {}

  submit(type: JobType, csv: string, toInvite: boolean, callback: CallbackTarget | null): string {
    const job: Job = { jobid: randomBytes(24).toString('base64url'), type, status: 1, total: 0, done: 0, result: [], errcode: 0, errmsg: 'ok' };
    this.jobs.set(job.jobid, job);
    while (this.jobs.size > KEEP) {
      const oldest = this.jobs.keys().next().value as string;
      this.jobs.delete(oldest);
      this.purged.add(oldest);
    }
    const steps = type === 'replace_party' ? this.partySteps(job, csv) : this.userSteps(job, csv, type === 'replace_user', toInvite);
    this.run(job, steps, callback);
    return job.jobid;
  }

  result(jobid: string): Record<string, unknown> {
    const job = this.jobs.get(jobid);
    if (!job) throw new SimError(this.purged.has(jobid) ? 40089 : 40088);
    return {
      status: job.status,
      type: job.type,
      total: job.total,
      percentage: job.total === 0 ? (job.status === 3 ? 100 : 0) : Math.floor((job.done * 100) / job.total),
      result: job.status === 3 ? job.result : [],
    };
  }

  stop(): void {
    this.stopped = true;
  }

  private run(job: Job, steps: (() => void)[], callback: CallbackTarget | null): void {
    job.total = steps.length;
    const tick = () => {
      if (this.stopped) return;
      job.status = 2;
      for (let n = 0; n < CHUNK && job.done < steps.length; n++) steps[job.done++]();
      if (job.done < steps.length) {
        setImmediate(tick);
        return;
      }
      job.status = 3;
      this.callbacks.batchJobResult({ jobid: job.jobid, type: job.type, errcode: job.errcode, errmsg: job.errmsg }, callback);
    };
    setImmediate(tick);
  }

  private fail(job: Job, errcode: number, detail?: string): (() => void)[] {
    job.errcode = errcode;
    job.errmsg = detail ?? errText(errcode);
    return [];
  }

  private userSteps(job: Job, csv: string, replace: boolean, toInvite: boolean): (() => void)[] {
    const rows = parseUserCsv(csv);
    if (!rows) return this.fail(job, 40058, 'csv header invalid');
    const s = this.state;
    const steps = rows.map((row) => () => {
      try {
        if (s.user(row.userid)) updateUser(s, toUpdate(row), { viaApi: true });
        else createUser(s, { ...toCreate(row), to_invite: toInvite }, { viaApi: true });
        job.result.push({ userid: row.userid, errcode: 0, errmsg: 'ok' });
      } catch (e) {
        job.result.push({ userid: row.userid, ...outcome(e) });
      }
    });
    if (!replace) return steps;
    const inFile = new Set(rows.map((r) => userKey(r.userid)));
    const gone = [...s.users.values()].filter((u) => !inFile.has(userKey(u.userid)) && !u.creator).map((u) => u.userid);
    const total = s.users.size;
    // WeCom refuses a replace that would delete too many members (45026).
    if ((gone.length > 50 && gone.length > total * 0.2) || (gone.length <= 50 && total > 0 && gone.length > total * 0.8)) {
      return this.fail(job, 45026);
    }
    return [
      ...steps,
      ...gone.map((userid) => () => {
        try {
          deleteUser(s, userid);
        } catch {
          // a member deleted meanwhile: nothing to do
        }
      }),
    ];
  }

  private partySteps(job: Job, csv: string): (() => void)[] {
    const rows = parsePartyCsv(csv);
    if (!rows) return this.fail(job, 40058, 'csv header invalid');
    const s = this.state;
    // Parents before children, whatever order the file lists them in.
    const ordered: CsvPartyRow[] = [];
    const known = new Set<number>([ROOT_DEPT_ID, ...s.departments.keys()]);
    let pending = rows;
    while (pending.length > 0) {
      const ready = pending.filter((r) => known.has(r.parentid) || r.id === ROOT_DEPT_ID);
      if (ready.length === 0) break;
      for (const r of ready) known.add(r.id);
      ordered.push(...ready);
      pending = pending.filter((r) => !ready.includes(r));
    }
    ordered.push(...pending);
    const inFile = new Set(rows.map((r) => r.id));
    const steps = ordered.map((row) => () => {
      try {
        const old = s.dept(row.id);
        let action = 1;
        if (old) {
          const parentid = row.id === ROOT_DEPT_ID ? undefined : row.parentid;
          action = (old.name !== row.name ? 2 : 0) | (parentid !== undefined && old.parentid !== parentid ? 4 : 0) | (old.order !== row.order ? 8 : 0);
          updateDepartment(s, { id: row.id, name: row.name, parentid, order: row.order });
        } else {
          createDepartment(s, { id: row.id, name: row.name, parentid: row.parentid, order: row.order });
        }
        job.result.push({ action, partyid: row.id, errcode: 0, errmsg: 'ok' });
      } catch (e) {
        job.result.push({ action: s.dept(row.id) ? 2 : 1, partyid: row.id, ...outcome(e) });
      }
    });
    // Departments missing from the file are deleted when they hold no members and no sub-departments; deepest first.
    const deletes = () => {
      const gone = [...s.departments.values()].filter((d) => !inFile.has(d.id) && d.id !== ROOT_DEPT_ID);
      gone.sort((a, b) => s.depth(b.id) - s.depth(a.id));
      for (const d of gone) {
        try {
          deleteDepartment(s, d.id);
        } catch {
          // kept: it still has members or children
        }
      }
    };
    return [...steps, deletes];
  }
}

function fields(row: CsvUserRow): Omit<UserUpdateInput, 'userid'> {
  const out: Omit<UserUpdateInput, 'userid'> = {};
  if (row.name) out.name = row.name;
  if (row.mobile !== undefined) out.mobile = row.mobile;
  if (row.email !== undefined) out.email = row.email;
  if (row.department !== undefined) out.department = row.department;
  if (row.position !== undefined) out.position = row.position;
  if (row.gender !== undefined) out.gender = row.gender;
  if (row.isLeader !== undefined) out.is_leader_in_dept = row.isLeader;
  if (row.order !== undefined) out.order = row.order;
  if (row.alias !== undefined) out.alias = row.alias;
  if (row.address !== undefined) out.address = row.address;
  if (row.telephone !== undefined) out.telephone = row.telephone;
  if (row.enable !== undefined) out.enable = row.enable;
  return out;
}

const toUpdate = (row: CsvUserRow): UserUpdateInput => ({ userid: row.userid, ...fields(row) });

function toCreate(row: CsvUserRow): UserCreateInput {
  return { ...fields(row), userid: row.userid, name: row.name, department: row.department ?? [] };
}
