// Problems and values of F4.15 edits in the UI language. The core's Chinese message is the fallback when a
// template needs a value the problem does not carry.
import type { ContactEditKind, EditProblem } from '../../../../../main/sync/edit-schema';
import type { MessageKey, T } from '../../../../i18n';

const INVALID_FIELDS = new Set(['userid', 'name', 'alias', 'mobile', 'email', 'telephone']);
const DEPT_KINDS = new Set<ContactEditKind>(['createDept', 'renameDept', 'moveDept', 'deleteDept']);

export function problemText(p: EditProblem, kind: ContactEditKind, t: T): string {
  if (p.code === 'invalid') {
    const field = DEPT_KINDS.has(kind) && p.field === 'name' ? 'deptName' : p.field;
    return INVALID_FIELDS.has(field) || field === 'deptName' ? t(`edit.invalid.${field}` as MessageKey) : p.message;
  }
  const text = t(`edit.problem.${p.code}` as MessageKey, p.params);
  return /\{\w+\}/.test(text) ? p.message : text;
}

/** Problems the API attached to an `invalid_edit` refusal. */
export function problemsOf(details: unknown): EditProblem[] {
  const list = (details as { problems?: unknown } | null)?.problems;
  return Array.isArray(list) ? (list as EditProblem[]) : [];
}

const STATUS_VALUES = new Set(['active', 'disabled', 'inactive', 'quit', 'deleted']);

/** A before/after value: member statuses are codes, the rest is shown as WeCom holds it. */
export function valueText(field: string, v: string | null, t: T): string {
  if (v === null || v === '') return t('edit.none');
  return field === 'status' && STATUS_VALUES.has(v) ? t(`edit.status.${v}` as MessageKey) : v;
}

export function fieldLabel(field: string, kind: ContactEditKind, t: T): string {
  if (field === 'parent') return t('edit.field.parent');
  if (DEPT_KINDS.has(kind) && (field === 'name' || field === 'department')) return t('edit.field.deptName');
  const text = t(`field.${field}` as MessageKey);
  return text === undefined ? field : text;
}
