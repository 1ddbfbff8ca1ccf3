// F4.6 ② auto-binding by 【关联字段】: an unbound WeCom user is bound when exactly one unbound OA user
// matches. Never changes an existing binding. Departed OA people are bound too: that is how a push knows
// whose WeCom account to disable. Pure.
import type { OaUser } from '../org/oa-model';
import type { UserBinding, WxUser } from './model';
import type { SyncSettings } from './settings-schema';

export function oaMatchKey(u: OaUser, match: SyncSettings['bind.match']): string | null {
  const v = match === 'mobile' ? u.mobile : match === 'email' ? u.email : match === 'userid=loginid' ? u.loginid : u.workcode;
  return v ? (match === 'mobile' ? v : v.toLowerCase()) : null;
}

export function wxMatchKey(w: WxUser, match: SyncSettings['bind.match']): string | null {
  const v = match === 'mobile' ? w.mobile : match === 'email' ? w.email : w.userid;
  return v ? (match === 'mobile' ? v : v.toLowerCase()) : null;
}

export function autoBindings(wxUsers: WxUser[], oaUsers: OaUser[], bindings: UserBinding[], match: SyncSettings['bind.match']): { wxUserid: string; oaUserId: string }[] {
  const boundWx = new Set(bindings.map((b) => b.wxUserid));
  const boundOa = new Set(bindings.map((b) => b.oaUserId));
  const oaByKey = new Map<string, OaUser[]>();
  for (const u of oaUsers) {
    if (boundOa.has(u.id)) continue;
    const k = oaMatchKey(u, match);
    if (k) oaByKey.set(k, [...(oaByKey.get(k) ?? []), u]);
  }
  const wxByKey = new Map<string, number>();
  for (const w of wxUsers) {
    const k = boundWx.has(w.userid) ? null : wxMatchKey(w, match);
    if (k) wxByKey.set(k, (wxByKey.get(k) ?? 0) + 1);
  }
  const out: { wxUserid: string; oaUserId: string }[] = [];
  for (const w of [...wxUsers].sort((a, b) => (a.userid < b.userid ? -1 : 1))) {
    if (boundWx.has(w.userid)) continue;
    const k = wxMatchKey(w, match);
    const cands = k ? (oaByKey.get(k) ?? []) : [];
    // Exactly one on each side: two WeCom users sharing an email, or two OA users sharing a mobile, stay for 手动绑定.
    if (cands.length === 1 && wxByKey.get(k!) === 1) out.push({ wxUserid: w.userid, oaUserId: cands[0].id });
  }
  return out;
}
