// What the planner produces. Plain JSON: the plan travels to the UI, the CLI and the journal.
import type { OaDirectory } from '../org/oa-model';
import type { DeptLink, Mirror, UserBinding } from './model';
import type { SyncSettings } from './settings-schema';

/** A WeCom department as an operation names it: existing, to be created for an OA department, or the 已禁用用户 one. */
export type DeptRef = { wx: number } | { oa: string } | { disabledDept: true };

// Operations from F4.15 edits in 【通讯录管理】 may name no OA user or department (a WeCom-side edit), and
// carry reason 'manual'.

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export type Op =
  | { kind: 'createDept'; key: string; oaDeptId: string | null; name: string; parent: DeptRef; order: number }
  | { kind: 'renameDept'; key: string; wxDeptId: number; oaDeptId: string | null; from: string; to: string }
  | { kind: 'moveDept'; key: string; wxDeptId: number; oaDeptId: string | null; fromParent: number | null; toParent: DeptRef }
  | { kind: 'deleteDept'; key: string; wxDeptId: number; name: string; oaDeptId: string | null; outOfScope: boolean }
  | { kind: 'createUser'; key: string; oaUserId: string | null; userid: string; name: string; fields: Record<string, string>; department: DeptRef[]; mainDepartment: DeptRef; invite: boolean }
  | { kind: 'updateUser'; key: string; userid: string; oaUserId: string | null; changes: FieldChange[]; newUserid: string | null }
  | { kind: 'moveUser'; key: string; userid: string; oaUserId: string | null; from: number[]; to: DeptRef[]; mainDepartment: DeptRef }
  | { kind: 'disableUser'; key: string; userid: string; oaUserId: string | null; reason: 'departed' | 'outOfScope' | 'manual'; moveTo: DeptRef | null }
  | { kind: 'enableUser'; key: string; userid: string; oaUserId: string | null }
  | { kind: 'deleteUser'; key: string; userid: string; oaUserId: string | null; reason: 'departed' | 'outOfScope' | 'afterDays' | 'manual' }
  | { kind: 'bind'; key: string; userid: string; oaUserId: string; by: SyncSettings['bind.match'] }
  | { kind: 'linkDept'; key: string; wxDeptId: number; oaDeptId: string };

export type OpKind = Op['kind'];

export const COUNT_KINDS = ['createDept', 'renameDept', 'moveDept', 'deleteDept', 'createUser', 'updateUser', 'moveUser', 'disableUser', 'enableUser', 'deleteUser', 'invite'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];

export type ConflictKind =
  | 'duplicateMobile'
  | 'duplicateEmail'
  | 'ambiguousMatch'
  | 'sameIdentityUnbound'
  | 'useridTaken'
  | 'invalidUserid'
  | 'invalidName'
  | 'invalidMobile'
  | 'invalidEmail'
  | 'invalidDeptName'
  | 'siblingNameClash'
  | 'depthLimit'
  | 'boundMissing'
  | 'deptNotEmpty'
  | 'deptSkipped'
  | 'unboundWeCom';

export interface Conflict {
  kind: ConflictKind;
  oaUserId?: string;
  userid?: string;
  oaDeptId?: string;
  wxDeptId?: number;
  message: string;
  fix: string;
  /** The values `message` (and `fix`) are made from, for other languages; `variant` picks among a kind's texts. */
  params?: Record<string, string | number>;
}

export interface SafetyHold {
  rule: 'userDecrease' | 'maxDeletes' | 'maxDisables' | 'maxDeptDeletes' | 'scopeChange';
  limit: number;
  actual: number;
  setting: string;
  part: 'users' | 'run';
  message: string;
  /** The values `message` is made from, for other languages; `variant` picks among a rule's texts. */
  params?: Record<string, string | number>;
}

export type PlanStop =
  | { code: 'root_mismatch'; oaRoot: string; wecomRoot: string; setting: 'push.topDept'; message: string; params?: Record<string, string | number> }
  | { code: 'top_dept_missing'; topDept: number; setting: 'push.topDept'; message: string; params?: Record<string, string | number> }
  | { code: 'no_oa_directory'; message: string; params?: Record<string, string | number> };

export interface PlanSummary {
  hash: string;
  counts: Record<CountKind, number> & { bind: number; linkDept: number };
  destructive: number;
  outOfScope: { users: number; depts: number };
  /** The first conflicts (the full list is in the plan's conflict report). */
  conflicts: Conflict[];
  conflictsTotal: number;
  safety: { ok: boolean; held: SafetyHold[] };
  estimate: { calls: number; seconds: number };
  inScopeActive: number;
  mirrorUsers: number;
  /** Removals were left out because the last pull was incomplete. */
  removalsWithheld: boolean;
  changes: number;
}

export type DiffStatus = 'matched' | 'new' | 'updated' | 'moved' | 'disabled' | 'deleted' | 'outOfScope';

export interface PlanInput {
  oa: OaDirectory;
  mirror: Mirror;
  userBindings: UserBinding[];
  deptLinks: DeptLink[];
  settings: SyncSettings;
  context: {
    /** ISO time the plan is made for (delete-after-N-days); passed in so planning stays pure. */
    now: string;
    /** In-scope active OA users at the previous simulation or push (F4.8 baseline), null if none. */
    previousActive: number | null;
    /** Scope fingerprint at the previous simulation or push, null if none. */
    previousScope: string | null;
    /** False when any page of the last pull failed: the plan then holds no removals. */
    pullComplete: boolean;
    /** Calls per minute the limiter allows (for the estimate). */
    callsPerMinute?: number;
  };
}

export interface Plan {
  ops: Op[];
  /** Every conflict (the summary carries the first ones). */
  conflicts: Conflict[];
  summary: PlanSummary;
  /** Set when the root-name rule stops the run; ops are then empty. */
  stop: PlanStop | null;
  scopeFingerprint: string;
  /** Per OA department: the status shown in the diff tree (F4.10). */
  deptStatus: Record<string, DiffStatus>;
}

export const DESTRUCTIVE: ReadonlySet<OpKind> = new Set(['deleteDept', 'disableUser', 'deleteUser']);
