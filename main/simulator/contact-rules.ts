// WeCom's field rules for members and departments (wecom-api.md §2), as pure checks that throw SimError with
// WeCom's errcode. No state here: uniqueness and tree rules that need the directory are in contact-ops.ts.
import { SimError, invalidParam } from './errors';

export const MAX_DEPT_DEPTH = 15;
export const MAX_DEPTS_PER_USER = 100;
export const MAX_DIRECT_LEADERS = 5;
const UINT32 = 2 ** 32;

/** Characters, not UTF-16 units: WeCom counts 张三 as 2. */
export const charLength = (s: string): number => [...s].length;
export const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

const USERID_RE = /^[0-9A-Za-z][0-9A-Za-z_\-@.]*$/;

/** 1–64 bytes of `[0-9A-Za-z_-@.]`, starting with a digit or letter (40003). */
export function isValidUserid(userid: string): boolean {
  return userid.length >= 1 && byteLength(userid) <= 64 && USERID_RE.test(userid);
}

export function checkUserid(userid: string): void {
  if (!isValidUserid(userid)) throw new SimError(40003);
}

/** name / alias: 1–64 characters (60112). */
export function checkMemberName(name: string): void {
  const n = charLength(name);
  if (n < 1 || n > 64 || name.trim() === '') throw new SimError(60112);
}

const MOBILE_RE = /^\+?[0-9][0-9\- ]*$/;

/** Up to 32 characters of digits, `+`, `-` (and the space of `+86 138…`) (60103). */
export function checkMobile(mobile: string): void {
  if (mobile.length > 32 || !MOBILE_RE.test(mobile) || mobile.replace(/\D/g, '').length < 5) throw new SimError(60103);
}

const EMAIL_RE = /^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$/;

/** 6–64 bytes, a valid address (60105). */
export function checkEmail(email: string): void {
  const n = byteLength(email);
  if (n < 6 || n > 64 || !EMAIL_RE.test(email)) throw new SimError(60105);
}

export function checkTelephone(telephone: string): void {
  if (byteLength(telephone) > 32 || !/^[0-9\-+,]*$/.test(telephone)) throw invalidParam('telephone invalid');
}

export function checkMaxChars(field: string, value: string, max: number): void {
  if (charLength(value) > max) throw invalidParam(`${field} exceed max length ${max}`);
}

const DEPT_NAME_FORBIDDEN = /[\\:*?"<>|]/;

/** Department names: 1–32 characters (60001) without `\ : * ? " < > |` (60009). */
export function checkDeptName(name: string): void {
  const n = charLength(name);
  if (n < 1 || n > 32 || name.trim() === '') throw new SimError(60001);
  if (DEPT_NAME_FORBIDDEN.test(name)) throw new SimError(60009);
}

export function checkOrder(order: number, field = 'order'): void {
  if (!Number.isInteger(order) || order < 0 || order >= UINT32) throw invalidParam(`${field} invalid`);
}

/** An explicit department id on create: 32-bit and > 1 (the root is 1) (60123). */
export function checkNewDeptId(id: number): void {
  if (!Number.isInteger(id) || id <= 1 || id >= 2 ** 31) throw new SimError(60123);
}

/**
 * A member's department lists: at least one (60127), at most 100 (60110), no duplicates (40066), `order` and
 * `is_leader_in_dept` of the same length (60132), `main_department` one of them.
 */
export function checkMemberDepartments(
  department: number[],
  order: number[] | undefined,
  isLeader: number[] | undefined,
  mainDepartment: number | undefined,
): void {
  if (department.length === 0) throw new SimError(60127);
  if (department.length > MAX_DEPTS_PER_USER) throw new SimError(60110);
  if (new Set(department).size !== department.length) throw new SimError(40066);
  if (order && order.length !== department.length) throw new SimError(60132, 'order size not match department size');
  if (isLeader && isLeader.length !== department.length) throw new SimError(60132);
  for (const o of order ?? []) checkOrder(o);
  if (mainDepartment !== undefined && !department.includes(mainDepartment)) {
    throw invalidParam('main_department not in department list');
  }
}

export function checkDirectLeaders(leaders: string[]): void {
  if (leaders.length > MAX_DIRECT_LEADERS) throw invalidParam(`direct_leader exceed max size ${MAX_DIRECT_LEADERS}`);
  for (const l of leaders) checkUserid(l);
}

/** `::ffff:127.0.0.1` → `127.0.0.1`, as WeCom reports IPv4 callers. */
export function normalizeIp(remote: string | undefined): string {
  if (!remote) return '';
  return remote.startsWith('::ffff:') ? remote.slice(7) : remote;
}

export function isLoopback(ip: string): boolean {
  const n = normalizeIp(ip);
  return n === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(n);
}
