// The WeCom mirror (云桥本地通讯录) and the bindings, as the planner reads them.

export interface WxDept {
  id: number;
  name: string;
  /** null for the root (WeCom reports parentid 0). */
  parentId: number | null;
  /** WeCom order: larger first. */
  order: number;
}

export type WxStatus = 1 | 2 | 4 | 5;

export interface WxUser {
  userid: string;
  name: string;
  mobile: string | null;
  email: string | null;
  position: string | null;
  department: number[];
  mainDepartment: number | null;
  /** 1 active, 2 disabled, 4 not activated, 5 quit (as WeCom reports it). */
  status: WxStatus;
  /** Other writable fields the field map may target (alias, telephone, extattr.X …), as text. */
  extra: Record<string, string>;
}

export interface UserBinding {
  wxUserid: string;
  oaUserId: string;
  source: 'auto' | 'manual' | 'import' | 'push';
  boundAt: string;
  /** When this console disabled the WeCom user (F4.4 delete-after-N-days counts from here). */
  disabledAt: string | null;
}

export interface DeptLink {
  wxDeptId: number;
  oaDeptId: string;
}

export interface Mirror {
  departments: WxDept[];
  users: WxUser[];
}

export const isDisabled = (u: WxUser) => u.status === 2;
