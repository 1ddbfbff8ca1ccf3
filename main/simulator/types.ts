// The simulator's data model: plain JSON-serialisable records in WeCom's own field names, so that API replies
// are mostly projections of them and a saved state file reads like WeCom data.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface SimDepartment {
  id: number;
  name: string;
  name_en: string;
  parentid: number;
  /** WeCom orders siblings by `order` descending. */
  order: number;
  department_leader: string[];
}

export type Gender = '0' | '1' | '2';

export interface SimUser {
  userid: string;
  name: string;
  alias: string;
  mobile: string;
  email: string;
  biz_mail: string;
  department: number[];
  order: number[];
  is_leader_in_dept: number[];
  main_department: number;
  direct_leader: string[];
  position: string;
  gender: Gender;
  telephone: string;
  address: string;
  enable: 0 | 1;
  /** Joined WeCom (status 1 when enabled); false = 未激活 (status 4). */
  activated: boolean;
  /** 已退出企业 (status 5). */
  quit: boolean;
  /** The console generated the userid (created without one): WeCom allows one `new_userid` change then. */
  useridGenerated: boolean;
  useridChanged: boolean;
  open_userid: string;
  avatar: string;
  external_position: string;
  extattr: { attrs: Json[] };
  external_profile: Json | null;
  /** The corp's creator: cannot be deleted (301005). */
  creator: boolean;
  /** Has 客户联系 permission (appears in get_follow_user_list). */
  customerContact: boolean;
  /** Is in the 会话内容存档 permit list. */
  msgaudit: boolean;
}

export interface SimApp {
  agentid: number;
  name: string;
  secret: string;
  description: string;
  square_logo_url: string;
  /** Visible scope (可见范围): departments (with their subtrees), users and tags. */
  allow_partys: number[];
  allow_users: string[];
  allow_tags: number[];
  close: 0 | 1;
  redirect_domain: string;
  report_location_flag: 0 | 1;
  isreportenter: 0 | 1;
  home_url: string;
  /** Added to 「客户联系 → 可调用接口的应用」. */
  customerContactApi: boolean;
  /** Added to 「打卡 → 可调用接口的应用」. */
  checkinApi: boolean;
  /** Legacy app (before 2022-06-20) that still reads mobile/email/gender/avatar of members. */
  sensitiveFields: boolean;
  menu: Json | null;
}

export interface SimFollowInfo {
  userid: string;
  remark: string;
  description: string;
  createtime: number;
  tags: { group_name: string; tag_name: string; tag_id: string; type: number }[];
  remark_corp_name: string;
  remark_mobiles: string[];
  oper_userid: string;
  add_way: number;
  state: string;
}

export interface SimExternalContact {
  external_userid: string;
  name: string;
  position: string;
  avatar: string;
  corp_name: string;
  corp_full_name: string;
  /** 1 WeChat user, 2 WeCom user. */
  type: 1 | 2;
  gender: 0 | 1 | 2;
  unionid: string;
  follow_user: SimFollowInfo[];
}

export interface SimCheckinRecord {
  userid: string;
  groupname: string;
  checkin_type: string;
  exception_type: string;
  checkin_time: number;
  location_title: string;
  location_detail: string;
  wifiname: string;
  wifimac: string;
  notes: string;
  mediaids: string[];
  lat: number;
  lng: number;
  deviceid: string;
  sch_checkin_time: number;
  groupid: number;
  schedule_id: number;
  timeline_id: number;
}

export interface SimMessage {
  msgid: string;
  agentid: number;
  msgtype: string;
  /** Simulated epoch ms. */
  sentAt: number;
  /** Lower-cased userids the message reached (the first 1000; `recipientCount` has the total). */
  recipients: string[];
  recipientCount: number;
  /** template_card task_id, unique per app. */
  taskId: string | null;
  body: Json;
  recalled: boolean;
  /** For interactive template cards: single use, 72 h. */
  responseCode: string | null;
  responseCodeUsed: boolean;
}

export interface CallbackTarget {
  url: string;
  token: string;
  encodingAESKey: string;
  /**
   * Contacts-sync URLs set after 2022-08-15 get only UserID/Department and Id/ParentId (and update_party only on
   * a parent change). `true` emulates an older URL that still receives every field.
   */
  fullFields: boolean;
}

export interface SimSettings {
  tokenTtlSec: number;
  ipAllowList: string[] | null;
  rateLimit: { perMinute: number } | null;
  /** Added to the host clock: lets tests move simulated time (token expiry, recall window, OAuth codes). */
  clockOffsetMs: number;
  callbacks: { contact: CallbackTarget | null; customer: CallbackTarget | null };
}

export interface SimStateData {
  format: 'wecom-bridge-simulator/1';
  seed: string;
  corp: { corpid: string; name: string };
  secrets: { contact: string; customer: string; archive: string };
  apps: SimApp[];
  departments: SimDepartment[];
  users: SimUser[];
  externalContacts: SimExternalContact[];
  checkins: SimCheckinRecord[];
  messages: SimMessage[];
  settings: SimSettings;
}

/** A change to the directory, as change_contact callbacks report it. */
export type ContactChange =
  | { kind: 'create_user'; user: SimUser }
  | { kind: 'update_user'; user: SimUser; previousUserid: string | null }
  | { kind: 'delete_user'; userid: string }
  | { kind: 'create_party'; dept: SimDepartment }
  | { kind: 'update_party'; dept: SimDepartment; parentChanged: boolean }
  | { kind: 'delete_party'; id: number };

/** A change to external contacts, as change_external_contact callbacks report it. */
export interface ExternalContactChange {
  kind: 'add_external_contact' | 'edit_external_contact' | 'del_external_contact' | 'del_follow_user';
  userid: string;
  externalUserid: string;
}
