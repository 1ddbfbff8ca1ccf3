import type { OaCounts, OaDept, OaDirectory, OaUser } from '../org/oa-model';
import type { Db } from './db';

interface DeptRow {
  id: string;
  name: string;
  parent_id: string | null;
  sort: number;
  type: OaDept['type'];
}
interface UserRow {
  id: string;
  workcode: string | null;
  loginid: string | null;
  name: string;
  mobile: string | null;
  email: string | null;
  position: string | null;
  department_id: string;
  part_time_json: string;
  status: OaUser['status'];
  sort: number;
  custom_json: string;
}

export function createOaRepo(db: Db) {
  const q = {
    depts: db.prepare('SELECT * FROM oa_departments ORDER BY rowid'),
    // By id: the planner walks people in id order (deterministic plans), and sorted input makes that free.
    users: db.prepare('SELECT * FROM oa_users ORDER BY id'),
    clearDepts: db.prepare('DELETE FROM oa_departments'),
    clearUsers: db.prepare('DELETE FROM oa_users'),
    insDept: db.prepare('INSERT INTO oa_departments (id, name, parent_id, sort, type) VALUES (?, ?, ?, ?, ?)'),
    insUser: db.prepare(`INSERT INTO oa_users (id, workcode, loginid, name, mobile, email, position, department_id, part_time_json, status, sort, custom_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    logImport: db.prepare('INSERT INTO oa_imports (at, actor, source, counts_json) VALUES (?, ?, ?, ?)'),
    lastImport: db.prepare('SELECT at, actor, source, counts_json FROM oa_imports ORDER BY id DESC LIMIT 1'),
  };
  return {
    load(): OaDirectory {
      return {
        departments: (q.depts.all() as DeptRow[]).map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, order: r.sort, type: r.type })),
        users: (q.users.all() as UserRow[]).map((r) => ({
          id: r.id,
          workcode: r.workcode,
          loginid: r.loginid,
          name: r.name,
          mobile: r.mobile,
          email: r.email,
          position: r.position,
          department: r.department_id,
          partTimeDepartments: JSON.parse(r.part_time_json) as string[],
          status: r.status,
          order: r.sort,
          custom: JSON.parse(r.custom_json) as Record<string, string>,
        })),
      };
    },
    /** Replaces the snapshot as a whole, in one transaction (people missing from it are gone from OA). */
    replace(d: OaDirectory, meta: { at: string; actor: string; source: string; counts: OaCounts }): void {
      db.transaction(() => {
        q.clearUsers.run();
        q.clearDepts.run();
        for (const x of d.departments) q.insDept.run(x.id, x.name, x.parentId, x.order, x.type);
        for (const u of d.users) {
          q.insUser.run(u.id, u.workcode, u.loginid, u.name, u.mobile, u.email, u.position, u.department, JSON.stringify(u.partTimeDepartments), u.status, u.order, JSON.stringify(u.custom));
        }
        q.logImport.run(meta.at, meta.actor, meta.source, JSON.stringify(meta.counts));
      })();
    },
    lastImport(): { at: string; actor: string; source: string; counts: OaCounts } | null {
      const r = q.lastImport.get() as { at: string; actor: string; source: string; counts_json: string } | undefined;
      return r ? { at: r.at, actor: r.actor, source: r.source, counts: JSON.parse(r.counts_json) as OaCounts } : null;
    },
  };
}

export type OaRepo = ReturnType<typeof createOaRepo>;
