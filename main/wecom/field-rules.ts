// WeCom's field rules (wecom-api.md §2) as the product checks them before writing, so a plan reports a
// bad name or userid as a conflict with its fix instead of failing mid-push. Pure.
const USERID_RE = /^[0-9A-Za-z][0-9A-Za-z_\-@.]*$/;
const DEPT_FORBIDDEN = /[\\:*?"<>|]/;
export const MAX_DEPT_DEPTH = 15;

const chars = (s: string) => [...s].length;

/** null when valid, else why (Chinese, for the conflict list). */
export function useridProblem(userid: string): string | null {
  if (!userid) return '账号为空';
  if (Buffer.byteLength(userid, 'utf8') > 64) return '账号超过 64 字节';
  if (!USERID_RE.test(userid)) return '账号只能含字母、数字和 _-@.，且以字母或数字开头';
  return null;
}

export function deptNameProblem(name: string): string | null {
  if (!name.trim()) return '部门名称为空';
  if (chars(name) > 32) return '部门名称超过 32 个字';
  if (DEPT_FORBIDDEN.test(name)) return '部门名称含有 \\ : * ? " < > | 之一';
  return null;
}

export function memberNameProblem(name: string): string | null {
  if (!name.trim()) return '姓名为空';
  if (chars(name) > 64) return '姓名超过 64 个字';
  return null;
}

export function mobileProblem(mobile: string): string | null {
  return mobile.length > 32 || !/^\+?[0-9][0-9\- ]*$/.test(mobile) ? '手机号只能含数字、+、-，最长 32 位' : null;
}

export function emailProblem(email: string): string | null {
  const n = Buffer.byteLength(email, 'utf8');
  return n < 6 || n > 64 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? '邮箱格式不对（6–64 字节）' : null;
}

export function telephoneProblem(telephone: string): string | null {
  return Buffer.byteLength(telephone, 'utf8') > 32 || !/^[0-9+\-,]+$/.test(telephone) ? '座机只能含数字、+、-、逗号，最长 32 字节' : null;
}
