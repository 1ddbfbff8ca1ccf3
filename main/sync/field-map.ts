// F4.4 用户字段对应关系: which WeCom fields a push writes, from which OA fields. Pure.
import type { OaUser } from '../org/oa-model';
import type { WxUser } from './model';

const STANDARD_OA: Record<string, (u: OaUser) => string | null> = {
  name: (u) => u.name,
  mobile: (u) => u.mobile,
  email: (u) => u.email,
  position: (u) => u.position,
  workcode: (u) => u.workcode,
  loginid: (u) => u.loginid,
};

/** The built-in mapping; `push.fieldMap` (OA field → WeCom field) adds to or overrides it. */
export const DEFAULT_FIELD_MAP: Record<string, string> = { name: 'name', mobile: 'mobile', email: 'email', position: 'position' };

export function oaValue(u: OaUser, oaField: string): string | null {
  const std = STANDARD_OA[oaField];
  const v = std ? std(u) : (u.custom[oaField] ?? null);
  return v === null || v === '' ? null : v;
}

export function wxValue(w: WxUser, wxField: string): string | null {
  switch (wxField) {
    case 'name':
      return w.name;
    case 'mobile':
      return w.mobile;
    case 'email':
      return w.email;
    case 'position':
      return w.position;
    default:
      return w.extra[wxField] ?? null;
  }
}

export interface FieldPair {
  wxField: string;
  oa(u: OaUser): string | null;
  wx(w: WxUser): string | null;
}

/**
 * The fields a push writes, with their readers chosen once per plan (the planner calls them for every
 * bound user). A later pair for the same WeCom field wins.
 */
export function fieldPairs(fieldMap: Record<string, string>): FieldPair[] {
  const byWx = new Map<string, string>();
  for (const [oaField, wxField] of Object.entries({ ...DEFAULT_FIELD_MAP, ...fieldMap })) byWx.set(wxField, oaField);
  return [...byWx].map(([wxField, oaField]) => {
    const std = STANDARD_OA[oaField];
    const oa = std ? (u: OaUser) => std(u) || null : (u: OaUser) => u.custom[oaField] || null;
    const wx =
      wxField === 'name' ? (w: WxUser) => w.name : wxField === 'mobile' ? (w: WxUser) => w.mobile : wxField === 'email' ? (w: WxUser) => w.email : wxField === 'position' ? (w: WxUser) => w.position : (w: WxUser) => w.extra[wxField] ?? null;
    return { wxField, oa, wx };
  });
}
