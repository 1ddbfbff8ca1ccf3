// The simulator's state: the records of types.ts plus the indexes WeCom's rules need (children per department,
// members per department, unique mobile/email, case-insensitive userids). Mutate only through put*/remove* so the
// indexes stay right; the rules themselves live in contact-rules.ts / contact-ops.ts.
import type {
  SimApp,
  SimCheckinRecord,
  SimDepartment,
  SimExternalContact,
  SimMessage,
  SimSettings,
  SimStateData,
  SimUser,
} from './types';

export const ROOT_DEPT_ID = 1;

export const userKey = (userid: string): string => userid.toLowerCase();
export const mobileKey = (mobile: string): string => mobile.replace(/\s+/g, '');
export const emailKey = (email: string): string => email.trim().toLowerCase();

/** WeCom lists siblings by `order` descending; ties by id so every listing is deterministic. */
export function bySiblingOrder(a: SimDepartment, b: SimDepartment): number {
  return b.order - a.order || a.id - b.id;
}

export class SimState {
  seed: string;
  corp: { corpid: string; name: string };
  secrets: { contact: string; customer: string; archive: string };
  apps: SimApp[];
  settings: SimSettings;
  checkins: SimCheckinRecord[];
  readonly departments = new Map<number, SimDepartment>();
  /** Keyed by lower-cased userid (WeCom ignores case when checking uniqueness). */
  readonly users = new Map<string, SimUser>();
  readonly externalContacts = new Map<string, SimExternalContact>();
  readonly messages = new Map<string, SimMessage>();

  private readonly kids = new Map<number, Set<number>>();
  private readonly members = new Map<number, Set<string>>();
  private readonly mobiles = new Map<string, string>();
  private readonly emails = new Map<string, string>();
  private sorted: SimUser[] | null = null;
  private maxDeptId = ROOT_DEPT_ID;

  constructor(data: SimStateData) {
    this.seed = data.seed;
    this.corp = { ...data.corp };
    this.secrets = { ...data.secrets };
    this.apps = data.apps.map((a) => ({ ...a }));
    this.settings = structuredClone(data.settings);
    this.checkins = data.checkins;
    for (const d of data.departments) this.putDept(d);
    for (const u of data.users) this.putUser(u);
    for (const c of data.externalContacts) this.externalContacts.set(c.external_userid, c);
    for (const m of data.messages) this.messages.set(m.msgid, m);
  }

  toJSON(): SimStateData {
    return {
      format: 'wecom-bridge-simulator/1',
      seed: this.seed,
      corp: this.corp,
      secrets: this.secrets,
      apps: this.apps,
      departments: [...this.departments.values()],
      users: [...this.users.values()],
      externalContacts: [...this.externalContacts.values()],
      checkins: this.checkins,
      messages: [...this.messages.values()],
      settings: this.settings,
    };
  }

  // ---- departments -----------------------------------------------------------------------------------------------

  dept(id: number): SimDepartment | undefined {
    return this.departments.get(id);
  }

  childIds(id: number): number[] {
    return [...(this.kids.get(id) ?? [])];
  }

  children(id: number): SimDepartment[] {
    return this.childIds(id)
      .map((c) => this.departments.get(c))
      .filter((d): d is SimDepartment => d !== undefined)
      .sort(bySiblingOrder);
  }

  memberCount(id: number): number {
    return this.members.get(id)?.size ?? 0;
  }

  /** Users whose `department` includes `id` (not its subtree), in userid order. */
  membersOf(id: number): SimUser[] {
    const keys = [...(this.members.get(id) ?? [])].sort();
    return keys.map((k) => this.users.get(k)).filter((u): u is SimUser => u !== undefined);
  }

  /** Root = 1. */
  depth(id: number): number {
    let n = 0;
    for (let d = this.departments.get(id); d; d = d.id === ROOT_DEPT_ID ? undefined : this.departments.get(d.parentid)) {
      n++;
      if (n > 10_000) break; // a cycle would be a bug elsewhere; never loop forever
    }
    return n;
  }

  /** Levels in the subtree of `id`, itself included (a leaf has height 1). */
  subtreeHeight(id: number): number {
    let h = 0;
    for (let level = [id]; level.length > 0; level = level.flatMap((d) => this.childIds(d))) h++;
    return h;
  }

  /** True when `ancestor` is `id` or one of its ancestors. */
  isWithin(id: number, ancestor: number): boolean {
    for (let d = this.departments.get(id), n = 0; d && n < 10_000; n++) {
      if (d.id === ancestor) return true;
      if (d.id === ROOT_DEPT_ID) return false;
      d = this.departments.get(d.parentid);
    }
    return false;
  }

  /** `id` and all its descendants, parents before children, siblings in WeCom order. */
  subtree(id: number): SimDepartment[] {
    const out: SimDepartment[] = [];
    const start = this.departments.get(id);
    if (!start) return out;
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      out.push(queue[i]);
      queue.push(...this.children(queue[i].id));
    }
    return out;
  }

  /** WeCom auto-assigns ids above every id used so far. */
  nextDeptId(): number {
    return this.maxDeptId + 1;
  }

  putDept(d: SimDepartment): void {
    const old = this.departments.get(d.id);
    if (old && old.id !== ROOT_DEPT_ID) this.kids.get(old.parentid)?.delete(d.id);
    this.departments.set(d.id, d);
    if (d.id > this.maxDeptId) this.maxDeptId = d.id;
    if (d.id !== ROOT_DEPT_ID) {
      let set = this.kids.get(d.parentid);
      if (!set) this.kids.set(d.parentid, (set = new Set()));
      set.add(d.id);
    }
  }

  removeDept(id: number): void {
    const old = this.departments.get(id);
    if (!old) return;
    this.kids.get(old.parentid)?.delete(id);
    this.kids.delete(id);
    this.members.delete(id);
    this.departments.delete(id);
  }

  // ---- users -----------------------------------------------------------------------------------------------------

  user(userid: string): SimUser | undefined {
    return this.users.get(userKey(userid));
  }

  userByMobile(mobile: string): SimUser | undefined {
    const k = this.mobiles.get(mobileKey(mobile));
    return k === undefined ? undefined : this.users.get(k);
  }

  userByEmail(email: string): SimUser | undefined {
    const k = this.emails.get(emailKey(email));
    return k === undefined ? undefined : this.users.get(k);
  }

  /** Adds or replaces a user; `previousUserid` when the userid itself changed (new_userid). */
  putUser(u: SimUser, previousUserid?: string): void {
    this.unindex(previousUserid ?? u.userid);
    const key = userKey(u.userid);
    this.users.set(key, u);
    if (u.mobile) this.mobiles.set(mobileKey(u.mobile), key);
    if (u.email) this.emails.set(emailKey(u.email), key);
    for (const d of u.department) {
      let set = this.members.get(d);
      if (!set) this.members.set(d, (set = new Set()));
      set.add(key);
    }
    this.sorted = null;
  }

  removeUser(userid: string): void {
    this.unindex(userid);
  }

  /** All users ordered by lower-cased userid: the stable order `user/list_id` pages through. */
  usersSorted(): SimUser[] {
    if (!this.sorted) {
      const keys = [...this.users.keys()].sort();
      this.sorted = keys.map((k) => this.users.get(k) as SimUser);
    }
    return this.sorted;
  }

  private unindex(userid: string): void {
    const key = userKey(userid);
    const old = this.users.get(key);
    if (!old) return;
    if (old.mobile && this.mobiles.get(mobileKey(old.mobile)) === key) this.mobiles.delete(mobileKey(old.mobile));
    if (old.email && this.emails.get(emailKey(old.email)) === key) this.emails.delete(emailKey(old.email));
    for (const d of old.department) this.members.get(d)?.delete(key);
    this.users.delete(key);
    this.sorted = null;
  }

  app(agentid: number): SimApp | undefined {
    return this.apps.find((a) => a.agentid === agentid);
  }
}
