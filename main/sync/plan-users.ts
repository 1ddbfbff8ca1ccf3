// F4.4/F4.6 users: follow bindings by id, auto-bind by the match field, create, update, move, and handle
// departed and out-of-scope users. Conflicts instead of guesses. Pure.
import type { OaUser } from '../org/oa-model';
import { emailProblem, memberNameProblem, mobileProblem, useridProblem } from '../wecom/field-rules';
import { fieldPairs } from './field-map';
import { isDisabled, type UserBinding, type WxUser } from './model';
import type { Conflict, DeptRef, FieldChange, Op } from './plan-types';
import { refKey } from './plan-depts';
import { userDepartments, type OaIndex, type Scope } from './scope';
import type { SyncSettings } from './settings-schema';

const DAY_MS = 86_400_000;
const lower = (s: string) => s.toLowerCase();

export interface UserPlan {
  ops: Op[];
  conflicts: Conflict[];
  /** WeCom department id → userids that stay in it after the plan (for department deletes). */
  finalMembers: Map<number, number>;
}

function matchValue(u: OaUser, match: SyncSettings['bind.match']): string | null {
  switch (match) {
    case 'mobile':
      return u.mobile;
    case 'email':
      return u.email ? lower(u.email) : null;
    case 'userid=loginid':
      return u.loginid ? lower(u.loginid) : null;
    case 'userid=workcode':
      return u.workcode ? lower(u.workcode) : null;
  }
}

function wxMatchValue(w: WxUser, match: SyncSettings['bind.match']): string | null {
  switch (match) {
    case 'mobile':
      return w.mobile;
    case 'email':
      return w.email ? lower(w.email) : null;
    default:
      return lower(w.userid);
  }
}

function multiIndex<T>(items: T[], key: (t: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (!k) continue;
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

export function planUsers(args: {
  ix: OaIndex;
  oaUsers: OaUser[];
  wxUsers: WxUser[];
  bindings: UserBinding[];
  scope: Scope;
  placed: Map<string, DeptRef>;
  s: SyncSettings;
  now: string;
}): UserPlan {
  const { ix, s, scope, placed } = args;
  const ops: Op[] = [];
  const conflicts: Conflict[] = [];
  const wxById = new Map<string, WxUser>();
  for (const w of args.wxUsers) wxById.set(w.userid, w);
  // Only creates and userid changes need this one: built on first use.
  let wxByLowerIx: Map<string, WxUser> | null = null;
  const wxByLower = () => (wxByLowerIx ??= new Map(args.wxUsers.map((w) => [lower(w.userid), w])));
  const bindingByOa = new Map<string, UserBinding>();
  const boundWx = new Set<string>();
  for (const b of args.bindings) {
    bindingByOa.set(b.oaUserId, b);
    boundWx.add(b.wxUserid);
  }
  const wxSorted = [...args.wxUsers].sort((a, b) => (a.userid < b.userid ? -1 : a.userid > b.userid ? 1 : 0));
  const unbound = wxSorted.filter((w) => !boundWx.has(w.userid));
  const claimed = new Set<string>();
  const unboundBy = {
    match: multiIndex(unbound, (w) => wxMatchValue(w, s['bind.match'])),
    mobile: multiIndex(unbound, (w) => w.mobile),
    email: multiIndex(unbound, (w) => (w.email ? lower(w.email) : null)),
    name: multiIndex(unbound, (w) => w.name),
  };
  // Sorted by id so that the same directory in another row order gives the same plan and hash.
  const inScope = args.oaUsers.filter((u) => scope.users.has(u.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Indexes only creates need: built on the first create (an established sync has few).
  // Mobiles and emails in use, for the people to create only: collected after the matching pass, when the
  // (few) candidates are known, so the whole directory is scanned once against a small set.
  let forCreates: { wxByMobile: Map<string, WxUser>; wxByEmail: Map<string, WxUser>; oaMobiles: Map<string, number>; oaEmails: Map<string, number>; takenUserids: Map<string, WxUser> } | null = null;
  const createIndexes = () => forCreates!;
  const buildCreateIndexes = (candidates: OaUser[]) => {
    const mobiles = new Set<string>();
    const emails = new Set<string>();
    const userids = new Set<string>();
    for (const u of candidates) {
      if (u.mobile) mobiles.add(u.mobile);
      if (u.email) emails.add(lower(u.email));
      const id = s['push.useridFrom'] === 'loginid' ? u.loginid : u.workcode;
      if (id) userids.add(lower(id));
    }
    const takenUserids = new Map<string, WxUser>();
    const wxByMobile = new Map<string, WxUser>();
    const wxByEmail = new Map<string, WxUser>();
    for (const w of args.wxUsers) {
      const id = lower(w.userid);
      if (userids.has(id)) takenUserids.set(id, w);
      if (w.mobile && mobiles.has(w.mobile) && !wxByMobile.has(w.mobile)) wxByMobile.set(w.mobile, w);
      if (w.email && emails.size) {
        const e = lower(w.email);
        if (emails.has(e) && !wxByEmail.has(e)) wxByEmail.set(e, w);
      }
    }
    const oaMobiles = new Map<string, number>();
    const oaEmails = new Map<string, number>();
    for (const u of inScope) {
      if (u.mobile && mobiles.has(u.mobile)) oaMobiles.set(u.mobile, (oaMobiles.get(u.mobile) ?? 0) + 1);
      if (u.email && emails.size) {
        const e = lower(u.email);
        if (emails.has(e)) oaEmails.set(e, (oaEmails.get(e) ?? 0) + 1);
      }
    }
    forCreates = { wxByMobile, wxByEmail, oaMobiles, oaEmails, takenUserids };
  };
  const namesWith = (pick: (u: OaUser) => string | null, value: string, sep = '、') => inScope.filter((x) => pick(x) === value).map((x) => x.name).join(sep);
  const pairs = fieldPairs(s['push.fieldMap']);
  const clearOnEmpty = s['push.clearOnEmpty'];
  const members = new Map<number, number>();
  const stays = (ids: number[]) => ids.forEach((id) => members.set(id, (members.get(id) ?? 0) + 1));
  const disabledRef: DeptRef = { disabledDept: true };

  /** The departments an OA user belongs in, as WeCom refs (only placed, in-scope ones). */
  const oaRefs = (u: OaUser): { refs: DeptRef[]; main: DeptRef | null } => {
    if (!s['push.partTime'] || u.partTimeDepartments.length === 0) {
      const r = scope.depts.has(u.department) ? placed.get(u.department) : undefined;
      return { refs: r ? [r] : [], main: r ?? null };
    }
    const refs: DeptRef[] = [];
    const seen = new Set<string>();
    for (const id of userDepartments(u, s['push.partTime'])) {
      const r = scope.depts.has(id) ? placed.get(id) : undefined;
      if (r && !seen.has(refKey(r))) {
        seen.add(refKey(r));
        refs.push(r);
      }
    }
    const main = placed.get(u.department) ?? refs[0] ?? null;
    return { refs, main };
  };

  const deptSkipped = (u: OaUser) =>
    conflicts.push({ kind: 'deptSkipped', oaUserId: u.id, message: `「${u.name}」的部门没有同步到企业微信（见部门冲突）`, fix: '先解决其部门的冲突', params: { userName: u.name } });

  const matched = (u: OaUser, w: WxUser, b: UserBinding | null) => {
    claimed.add(w.userid);
    const { refs, main } = oaRefs(u);
    if (!main) {
      deptSkipped(u);
      stays(w.department);
      return;
    }
    let target = refs;
    if (w.department.length > 1 && !s['push.oaAuthoritative']) {
      const keys = new Set(refs.map(refKey));
      target = [...refs, ...w.department.map((id) => ({ wx: id }) as DeptRef).filter((r) => !keys.has(refKey(r)))];
    }
    const sameSet =
      target.length === 1 && w.department.length === 1
        ? 'wx' in target[0] && target[0].wx === w.department[0]
        : (() => {
            const cur = new Set(w.department.map((id) => `wx:${id}`));
            const tgt = new Set(target.map(refKey));
            return cur.size === tgt.size && [...cur].every((k) => tgt.has(k));
          })();
    const mainChanged = w.mainDepartment !== null && !('wx' in main && main.wx === w.mainDepartment);
    if (!sameSet || mainChanged) {
      ops.push({ kind: 'moveUser', key: `moveUser:${w.userid}`, userid: w.userid, oaUserId: u.id, from: w.department, to: target, mainDepartment: main });
    }
    for (const r of target) if ('wx' in r) members.set(r.wx, (members.get(r.wx) ?? 0) + 1);
    let changes: FieldChange[] | null = null;
    for (const f of pairs) {
      const want = f.oa(u);
      if (want === null && !clearOnEmpty) continue;
      const have = f.wx(w);
      const field = f.wxField;
      if ((want ?? '') !== (have ?? '')) (changes ??= []).push({ field, from: have, to: want });
    }
    // Only userids this console created follow the OA account; others were chosen in WeCom and stay.
    let newUserid: string | null = null;
    if (b?.source === 'push') {
      const want = s['push.useridFrom'] === 'loginid' ? u.loginid : u.workcode;
      if (want && want !== w.userid) {
        const problem = useridProblem(want);
        const taken = wxByLower().get(lower(want));
        if (problem) conflicts.push({ kind: 'invalidUserid', oaUserId: u.id, userid: w.userid, message: `「${u.name}」的新账号「${want}」无效：${problem}`, fix: '在 OA 中修正账号', params: { variant: 'change', userName: u.name, newUserid: want, problem } });
        else if (taken && taken.userid !== w.userid) conflicts.push({ kind: 'useridTaken', oaUserId: u.id, userid: w.userid, message: `「${u.name}」的新账号「${want}」已被企业微信成员 ${taken.userid} 占用`, fix: '在 OA 中改用其他账号', params: { variant: 'change', userName: u.name, newUserid: want, takenBy: taken.userid } });
        else newUserid = want;
      }
    }
    if (changes || newUserid) ops.push({ kind: 'updateUser', key: `updateUser:${w.userid}`, userid: w.userid, oaUserId: u.id, changes: changes ?? [], newUserid });
    if (isDisabled(w) && b?.disabledAt) ops.push({ kind: 'enableUser', key: `enableUser:${w.userid}`, userid: w.userid, oaUserId: u.id });
  };

  const create = (u: OaUser) => {
    if (!s['push.addUsers']) return;
    const userid = s['push.useridFrom'] === 'loginid' ? u.loginid : u.workcode;
    const idField = s['push.useridFrom'];
    const label = idField === 'loginid' ? '登录名' : '工号';
    const problems: Conflict[] = [];
    if (!userid) problems.push({ kind: 'invalidUserid', oaUserId: u.id, message: `「${u.name}」没有${label}，无法生成企业微信账号`, fix: `在 OA 中补充${label}，或修改【用户账号来源】`, params: { variant: 'missing', userName: u.name, idField } });
    else {
      const p = useridProblem(userid);
      if (p) problems.push({ kind: 'invalidUserid', oaUserId: u.id, message: `「${u.name}」的账号「${userid}」无效：${p}`, fix: `在 OA 中修正${label}`, params: { userName: u.name, userid, problem: p, idField } });
      const taken = createIndexes().takenUserids.get(lower(userid));
      if (taken) problems.push({ kind: 'useridTaken', oaUserId: u.id, userid: taken.userid, message: `账号「${userid}」在企业微信中已存在（${taken.name}）`, fix: '【手动绑定】到该成员，或在 OA 中改用其他账号', params: { userid, takenName: taken.name } });
    }
    const nameP = memberNameProblem(u.name);
    if (nameP) problems.push({ kind: 'invalidName', oaUserId: u.id, message: `「${u.name}」：${nameP}`, fix: '在 OA 中修正姓名', params: { userName: u.name, problem: nameP } });
    if (!u.mobile && !u.email) problems.push({ kind: 'invalidMobile', oaUserId: u.id, message: `「${u.name}」手机和邮箱都为空：企业微信要求至少一项`, fix: '在 OA 中补充手机或邮箱', params: { variant: 'missing', userName: u.name } });
    const mobileP = u.mobile ? mobileProblem(u.mobile) : null;
    if (u.mobile && mobileP) problems.push({ kind: 'invalidMobile', oaUserId: u.id, message: `「${u.name}」手机「${u.mobile}」：${mobileP}`, fix: '在 OA 中修正手机', params: { userName: u.name, mobile: u.mobile, problem: mobileP } });
    const emailP = u.email ? emailProblem(u.email) : null;
    if (u.email && emailP) problems.push({ kind: 'invalidEmail', oaUserId: u.id, message: `「${u.name}」邮箱「${u.email}」：${emailP}`, fix: '在 OA 中修正邮箱', params: { userName: u.name, email: u.email, problem: emailP } });
    const sameUnbound = [
      ...(u.mobile ? (unboundBy.mobile.get(u.mobile) ?? []) : []),
      ...(u.email ? (unboundBy.email.get(lower(u.email)) ?? []) : []),
      ...(unboundBy.name.get(u.name) ?? []),
    ].filter((w, i, a) => a.indexOf(w) === i && !claimed.has(w.userid));
    if (sameUnbound.length) {
      problems.push({
        kind: 'sameIdentityUnbound',
        oaUserId: u.id,
        userid: sameUnbound[0].userid,
        message: `新建「${u.name}」前发现企业微信中未绑定的相同身份成员：${sameUnbound.map((w) => `${w.name}（${w.userid}）`).join('、')}`,
        fix: '【手动绑定】到该成员，避免同一人有两个企业微信账号',
        // A list in neutral punctuation: the names stay as they are in any language.
        params: { userName: u.name, candidates: sameUnbound.map((w) => `${w.name} (${w.userid})`).join(', ') },
      });
    } else {
      const { wxByMobile, wxByEmail } = createIndexes();
      const byMobile = u.mobile ? wxByMobile.get(u.mobile) : undefined;
      const byEmail = u.email ? wxByEmail.get(lower(u.email)) : undefined;
      if (byMobile && u.mobile) problems.push({ kind: 'duplicateMobile', oaUserId: u.id, message: `「${u.name}」的手机 ${u.mobile} 已被企业微信成员 ${byMobile.userid} 使用`, fix: '核对 OA 手机号', params: { userName: u.name, mobile: u.mobile, takenBy: byMobile.userid } });
      if (byEmail && u.email) problems.push({ kind: 'duplicateEmail', oaUserId: u.id, message: `「${u.name}」的邮箱 ${u.email} 已被企业微信成员 ${byEmail.userid} 使用`, fix: '核对 OA 邮箱', params: { userName: u.name, email: u.email, takenBy: byEmail.userid } });
    }
    const { oaMobiles, oaEmails } = createIndexes();
    if (u.mobile && (oaMobiles.get(u.mobile) ?? 0) > 1) problems.push({ kind: 'duplicateMobile', oaUserId: u.id, message: `OA 中 ${namesWith((x) => x.mobile, u.mobile)} 的手机号相同（${u.mobile}）`, fix: '在 OA 中修正重复的手机号', params: { variant: 'inOa', names: namesWith((x) => x.mobile, u.mobile, ', '), mobile: u.mobile } });
    if (u.email && (oaEmails.get(lower(u.email)) ?? 0) > 1) problems.push({ kind: 'duplicateEmail', oaUserId: u.id, message: `OA 中 ${namesWith((x) => (x.email ? lower(x.email) : null), lower(u.email))} 的邮箱相同（${u.email}）`, fix: '在 OA 中修正重复的邮箱', params: { variant: 'inOa', names: namesWith((x) => (x.email ? lower(x.email) : null), lower(u.email), ', '), email: u.email } });
    const { refs, main } = oaRefs(u);
    if (!main) {
      deptSkipped(u);
      return;
    }
    if (problems.length) {
      conflicts.push(...problems);
      return;
    }
    const fields: Record<string, string> = {};
    for (const { oa, wxField: field } of pairs) {
      const v = oa(u);
      if (v !== null && field !== 'name') fields[field] = v;
    }
    ops.push({ kind: 'createUser', key: `createUser:${u.id}`, oaUserId: u.id, userid: userid!, name: u.name, fields, department: refs, mainDepartment: main, invite: s['push.invite'] });
    createIndexes().takenUserids.set(lower(userid!), { userid: userid!, name: u.name, mobile: u.mobile, email: u.email, position: u.position, department: [], mainDepartment: null, status: 4, extra: {} });
  };

  const toCreate: OaUser[] = [];
  for (const u of inScope) {
    const b = bindingByOa.get(u.id);
    if (b) {
      const w = wxById.get(b.wxUserid);
      if (w) matched(u, w, b);
      else
        conflicts.push({
          kind: 'boundMissing',
          oaUserId: u.id,
          userid: b.wxUserid,
          message: `「${u.name}」绑定的企业微信成员 ${b.wxUserid} 不在本地镜像中（已在企业微信删除，或不在所选应用的可见范围）`,
          fix: '确认后【解绑】，下次同步将重新匹配或新建',
          params: { userName: u.name, userid: b.wxUserid },
        });
      continue;
    }
    const key = s['bind.auto'] ? matchValue(u, s['bind.match']) : null;
    const candidates = key ? (unboundBy.match.get(key) ?? []).filter((w) => !claimed.has(w.userid)) : [];
    if (candidates.length === 1) {
      ops.push({ kind: 'bind', key: `bind:${u.id}`, userid: candidates[0].userid, oaUserId: u.id, by: s['bind.match'] });
      matched(u, candidates[0], null);
    } else if (candidates.length > 1) {
      conflicts.push({ kind: 'ambiguousMatch', oaUserId: u.id, message: `「${u.name}」按关联字段匹配到多个企业微信成员：${candidates.map((w) => w.userid).join('、')}`, fix: '【手动绑定】到正确的成员', params: { userName: u.name, candidates: candidates.map((w) => w.userid).join(', ') } });
    } else toCreate.push(u);
  }
  // Creates after every match and binding above has claimed its WeCom user.
  if (toCreate.length) buildCreateIndexes(toCreate);
  for (const u of toCreate) create(u);

  // Bound users whose OA side left (离职, vanished from the snapshot) or left the scope.
  const afterDays = s['push.deleteAfterDays'];
  const nowMs = Date.parse(args.now);
  for (const b of [...args.bindings].sort((a, c) => (a.wxUserid < c.wxUserid ? -1 : 1))) {
    const w = wxById.get(b.wxUserid);
    if (!w || claimed.has(w.userid)) continue;
    const u = ix.userById.get(b.oaUserId);
    if (u && scope.users.has(u.id)) continue;
    claimed.add(w.userid);
    const departed = !u || u.status === 'departed';
    const reason = departed ? 'departed' : 'outOfScope';
    const remove = departed ? s['push.departed'] : s['scope.removal'];
    if (remove === 'delete') {
      ops.push({ kind: 'deleteUser', key: `deleteUser:${w.userid}`, userid: w.userid, oaUserId: b.oaUserId, reason });
    } else if (!isDisabled(w)) {
      const moveTo = departed && s['push.moveDisabled'] ? disabledRef : null;
      ops.push({ kind: 'disableUser', key: `disableUser:${w.userid}`, userid: w.userid, oaUserId: b.oaUserId, reason, moveTo });
      if (!moveTo) stays(w.department);
    } else if (departed && b.disabledAt && afterDays > 0 && nowMs >= Date.parse(b.disabledAt) + afterDays * DAY_MS) {
      ops.push({ kind: 'deleteUser', key: `deleteUser:${w.userid}`, userid: w.userid, oaUserId: b.oaUserId, reason: 'afterDays' });
    } else stays(w.department);
  }

  for (const w of wxSorted) {
    if (claimed.has(w.userid)) continue;
    stays(w.department);
    if (!boundWx.has(w.userid)) {
      conflicts.push({ kind: 'unboundWeCom', userid: w.userid, message: `企业微信成员「${w.name}」（${w.userid}）未绑定 OA 用户，本次同步不处理`, fix: '如需管理，【手动绑定】或【关联导入】', params: { userName: w.name, userid: w.userid } });
    }
  }
  return { ops, conflicts, finalMembers: members };
}
