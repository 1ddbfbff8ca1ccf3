// The WeCom mirror (云桥本地通讯录) per corp, the bindings and department links, and the sync baseline.
import type { DeptLink, Mirror, UserBinding, WxDept, WxStatus, WxUser } from '../sync/model';
import type { Db } from './db';

interface UserRow {
  userid: string;
  name: string;
  mobile: string | null;
  email: string | null;
  position: string | null;
  departments_json: string;
  main_department: number | null;
  status: number;
  extra_json: string;
}

export interface SyncState {
  pulledAt: string | null;
  pullComplete: boolean;
  pullError: string | null;
  baselineActive: number | null;
  baselineScope: string | null;
}

const toUser = (r: UserRow): WxUser => ({
  userid: r.userid,
  name: r.name,
  mobile: r.mobile,
  email: r.email,
  position: r.position,
  department: JSON.parse(r.departments_json) as number[],
  mainDepartment: r.main_department,
  status: r.status as WxStatus,
  extra: JSON.parse(r.extra_json) as Record<string, string>,
});

export function createMirrorRepo(db: Db) {
  const q = {
    depts: db.prepare('SELECT id, name, parent_id AS parentId, sort AS "order" FROM mirror_departments WHERE corp_id = ? ORDER BY id'),
    users: db.prepare('SELECT * FROM mirror_users WHERE corp_id = ? ORDER BY userid'),
    user: db.prepare('SELECT * FROM mirror_users WHERE corp_id = ? AND userid = ?'),
    dept: db.prepare('SELECT id, name, parent_id AS parentId, sort AS "order" FROM mirror_departments WHERE corp_id = ? AND id = ?'),
    child: db.prepare('SELECT id, name, parent_id AS parentId, sort AS "order" FROM mirror_departments WHERE corp_id = ? AND parent_id = ? AND name = ?'),
    counts: db.prepare('SELECT (SELECT COUNT(*) FROM mirror_departments WHERE corp_id = ?) AS depts, (SELECT COUNT(*) FROM mirror_users WHERE corp_id = ?) AS users, (SELECT COUNT(*) FROM user_bindings WHERE corp_id = ?) AS bound'),
    clearDepts: db.prepare('DELETE FROM mirror_departments WHERE corp_id = ?'),
    clearUsers: db.prepare('DELETE FROM mirror_users WHERE corp_id = ?'),
    upDept: db.prepare(`INSERT INTO mirror_departments (corp_id, id, name, parent_id, sort) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(corp_id, id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, sort = excluded.sort`),
    delDept: db.prepare('DELETE FROM mirror_departments WHERE corp_id = ? AND id = ?'),
    upUser: db.prepare(`INSERT INTO mirror_users (corp_id, userid, name, mobile, email, position, departments_json, main_department, status, extra_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(corp_id, userid) DO UPDATE SET name = excluded.name, mobile = excluded.mobile, email = excluded.email, position = excluded.position,
        departments_json = excluded.departments_json, main_department = excluded.main_department, status = excluded.status, extra_json = excluded.extra_json`),
    delUser: db.prepare('DELETE FROM mirror_users WHERE corp_id = ? AND userid = ?'),
    bindings: db.prepare('SELECT wx_userid AS wxUserid, oa_user_id AS oaUserId, source, bound_at AS boundAt, disabled_at AS disabledAt FROM user_bindings WHERE corp_id = ? ORDER BY wx_userid'),
    bindByWx: db.prepare('SELECT wx_userid AS wxUserid, oa_user_id AS oaUserId, source, bound_at AS boundAt, disabled_at AS disabledAt FROM user_bindings WHERE corp_id = ? AND wx_userid = ?'),
    bindByOa: db.prepare('SELECT wx_userid AS wxUserid, oa_user_id AS oaUserId, source, bound_at AS boundAt, disabled_at AS disabledAt FROM user_bindings WHERE corp_id = ? AND oa_user_id = ?'),
    bind: db.prepare('INSERT INTO user_bindings (corp_id, wx_userid, oa_user_id, source, bound_at) VALUES (?, ?, ?, ?, ?)'),
    unbind: db.prepare('DELETE FROM user_bindings WHERE corp_id = ? AND wx_userid = ?'),
    unbindAll: db.prepare('DELETE FROM user_bindings WHERE corp_id = ?'),
    renameBound: db.prepare('UPDATE user_bindings SET wx_userid = ? WHERE corp_id = ? AND wx_userid = ?'),
    disabledAt: db.prepare('UPDATE user_bindings SET disabled_at = ? WHERE corp_id = ? AND wx_userid = ?'),
    links: db.prepare('SELECT wx_dept_id AS wxDeptId, oa_dept_id AS oaDeptId FROM dept_links WHERE corp_id = ? ORDER BY wx_dept_id'),
    link: db.prepare(`INSERT INTO dept_links (corp_id, wx_dept_id, oa_dept_id, linked_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(corp_id, wx_dept_id) DO UPDATE SET oa_dept_id = excluded.oa_dept_id, linked_at = excluded.linked_at`),
    unlinkOa: db.prepare('DELETE FROM dept_links WHERE corp_id = ? AND oa_dept_id = ?'),
    unlinkWx: db.prepare('DELETE FROM dept_links WHERE corp_id = ? AND wx_dept_id = ?'),
    state: db.prepare('SELECT pulled_at, pull_complete, pull_error, baseline_active, baseline_scope FROM sync_state WHERE corp_id = ?'),
    ensureState: db.prepare('INSERT OR IGNORE INTO sync_state (corp_id) VALUES (?)'),
    setPull: db.prepare('UPDATE sync_state SET pulled_at = ?, pull_complete = ?, pull_error = ? WHERE corp_id = ?'),
    setBaseline: db.prepare('UPDATE sync_state SET baseline_active = ?, baseline_scope = ? WHERE corp_id = ?'),
  };

  const writeUser = (corpId: string, u: WxUser) =>
    q.upUser.run(corpId, u.userid, u.name, u.mobile, u.email, u.position, JSON.stringify(u.department), u.mainDepartment, u.status, JSON.stringify(u.extra));
  const writeDept = (corpId: string, d: WxDept) => q.upDept.run(corpId, d.id, d.name, d.parentId, d.order);

  return {
    load(corpId: string): Mirror {
      return { departments: q.depts.all(corpId) as WxDept[], users: (q.users.all(corpId) as UserRow[]).map(toUser) };
    },
    /** A page of users, optionally in one department (direct members) and/or matching a search. */
    page(corpId: string, o: { dept?: number; search?: string; offset: number; limit: number }): { total: number; users: WxUser[] } {
      const where = ['corp_id = @corpId'];
      if (o.dept !== undefined) where.push('EXISTS (SELECT 1 FROM json_each(departments_json) WHERE value = @dept)');
      if (o.search) where.push("(userid LIKE @like ESCAPE '\\' OR name LIKE @like ESCAPE '\\' OR mobile LIKE @like ESCAPE '\\' OR email LIKE @like ESCAPE '\\')");
      const params = { corpId, dept: o.dept, like: `%${(o.search ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit: o.limit, offset: o.offset };
      const w = where.join(' AND ');
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM mirror_users WHERE ${w}`).get(params) as { n: number }).n;
      const users = (db.prepare(`SELECT * FROM mirror_users WHERE ${w} ORDER BY userid LIMIT @limit OFFSET @offset`).all(params) as UserRow[]).map(toUser);
      return { total, users };
    },
    getDept: (corpId: string, id: number) => (q.dept.get(corpId, id) as WxDept | undefined) ?? null,
    findChildDept: (corpId: string, parentId: number, name: string) => (q.child.get(corpId, parentId, name) as WxDept | undefined) ?? null,
    counts: (corpId: string) => q.counts.get(corpId, corpId, corpId) as { depts: number; users: number; bound: number },
    getUser(corpId: string, userid: string): WxUser | null {
      const r = q.user.get(corpId, userid) as UserRow | undefined;
      return r ? toUser(r) : null;
    },
    /** A complete pull replaces the mirror as a whole, in one transaction. */
    replace(corpId: string, m: Mirror): void {
      db.transaction(() => {
        q.clearDepts.run(corpId);
        q.clearUsers.run(corpId);
        for (const d of m.departments) writeDept(corpId, d);
        for (const u of m.users) writeUser(corpId, u);
      })();
    },
    upsertDept: (corpId: string, d: WxDept) => void writeDept(corpId, d),
    removeDept: (corpId: string, id: number) => void q.delDept.run(corpId, id),
    upsertUser: (corpId: string, u: WxUser) => void writeUser(corpId, u),
    removeUser: (corpId: string, userid: string) => void q.delUser.run(corpId, userid),

    bindings: (corpId: string) => q.bindings.all(corpId) as UserBinding[],
    bindingByWx: (corpId: string, userid: string) => (q.bindByWx.get(corpId, userid) as UserBinding | undefined) ?? null,
    bindingByOa: (corpId: string, oaUserId: string) => (q.bindByOa.get(corpId, oaUserId) as UserBinding | undefined) ?? null,
    bind: (corpId: string, wxUserid: string, oaUserId: string, source: UserBinding['source'], at: string) => void q.bind.run(corpId, wxUserid, oaUserId, source, at),
    unbind: (corpId: string, wxUserid: string) => q.unbind.run(corpId, wxUserid).changes > 0,
    unbindAll: (corpId: string) => q.unbindAll.run(corpId).changes,
    renameBoundUser: (corpId: string, from: string, to: string) => void q.renameBound.run(to, corpId, from),
    setDisabledAt: (corpId: string, wxUserid: string, at: string | null) => void q.disabledAt.run(at, corpId, wxUserid),

    links: (corpId: string) => q.links.all(corpId) as DeptLink[],
    link(corpId: string, wxDeptId: number, oaDeptId: string, at: string): void {
      db.transaction(() => {
        q.unlinkOa.run(corpId, oaDeptId);
        q.link.run(corpId, wxDeptId, oaDeptId, at);
      })();
    },
    unlinkWx: (corpId: string, wxDeptId: number) => void q.unlinkWx.run(corpId, wxDeptId),

    state(corpId: string): SyncState {
      const r = q.state.get(corpId) as { pulled_at: string | null; pull_complete: number; pull_error: string | null; baseline_active: number | null; baseline_scope: string | null } | undefined;
      return r
        ? { pulledAt: r.pulled_at, pullComplete: r.pull_complete === 1, pullError: r.pull_error, baselineActive: r.baseline_active, baselineScope: r.baseline_scope }
        : { pulledAt: null, pullComplete: false, pullError: null, baselineActive: null, baselineScope: null };
    },
    setPulled(corpId: string, at: string, complete: boolean, error: string | null): void {
      q.ensureState.run(corpId);
      q.setPull.run(at, complete ? 1 : 0, error, corpId);
    },
    setBaseline(corpId: string, active: number, scope: string): void {
      q.ensureState.run(corpId);
      q.setBaseline.run(active, scope, corpId);
    },
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}

export type MirrorRepo = ReturnType<typeof createMirrorRepo>;
