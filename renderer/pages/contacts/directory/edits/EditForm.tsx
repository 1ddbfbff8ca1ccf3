import { Checkbox, Form, Input, Select, TreeSelect, type FormInstance } from 'antd';
import { useMemo } from 'react';
import type { ContactEdit } from '../../../../../main/sync/edit-schema';
import { useT } from '../../../../i18n';
import type { MirrorDept, MirrorUsersPage } from '../../../../stores/contacts-data';
import { OaUserPicker } from '../UserCard';

type WxUser = MirrorUsersPage['users'][number];

/** What the admin asked for, with the record it starts from. */
export type EditRequest =
  | { kind: 'createUser'; inDept: number | null }
  | { kind: 'updateUser' | 'moveUser' | 'disableUser' | 'enableUser' | 'deleteUser'; user: WxUser }
  | { kind: 'createDept'; parent: MirrorDept }
  | { kind: 'renameDept' | 'moveDept' | 'deleteDept'; dept: MirrorDept };

export interface FormValues {
  userid?: string;
  name?: string;
  mobile?: string;
  email?: string;
  position?: string;
  alias?: string;
  telephone?: string;
  department?: number[];
  mainDepartment?: number;
  oaUserId?: string | null;
  invite?: boolean;
  parentId?: number;
}

/** Kinds that need nothing typed: they go straight to the preview. */
export const NO_FORM = new Set<EditRequest['kind']>(['disableUser', 'enableUser', 'deleteUser', 'deleteDept']);

export function initialValues(req: EditRequest): FormValues {
  switch (req.kind) {
    case 'createUser':
      return { department: req.inDept !== null ? [req.inDept] : [], mainDepartment: req.inDept ?? undefined, invite: false, oaUserId: null };
    case 'updateUser':
      return { name: req.user.name, mobile: req.user.mobile ?? '', email: req.user.email ?? '', position: req.user.position ?? '', alias: req.user.extra.alias ?? '', telephone: req.user.extra.telephone ?? '' };
    case 'moveUser':
      return { department: req.user.department, mainDepartment: req.user.mainDepartment ?? req.user.department[0] };
    case 'createDept':
      return { parentId: req.parent.id };
    case 'renameDept':
      return { name: req.dept.name };
    case 'moveDept':
      return { parentId: req.dept.parentId ?? undefined };
    default:
      return {};
  }
}

const str = (v: string | undefined) => (v ?? '').trim();

/** The form's values as the edit the core plans (the same schema checks it there). */
export function toEdit(req: EditRequest, v: FormValues): ContactEdit {
  switch (req.kind) {
    case 'createUser':
      return {
        kind: 'createUser',
        userid: str(v.userid),
        name: str(v.name),
        department: v.department ?? [],
        mainDepartment: v.mainDepartment ?? v.department?.[0] ?? 0,
        mobile: str(v.mobile),
        email: str(v.email),
        position: str(v.position),
        oaUserId: v.oaUserId ?? null,
        invite: !!v.invite,
      };
    case 'updateUser':
      return { kind: 'updateUser', userid: req.user.userid, name: str(v.name), mobile: str(v.mobile), email: str(v.email), position: str(v.position), alias: str(v.alias), telephone: str(v.telephone) };
    case 'moveUser':
      return { kind: 'moveUser', userid: req.user.userid, department: v.department ?? [], mainDepartment: v.mainDepartment ?? v.department?.[0] ?? 0 };
    case 'disableUser':
    case 'enableUser':
    case 'deleteUser':
      return { kind: req.kind, userid: req.user.userid };
    case 'createDept':
      return { kind: 'createDept', name: str(v.name), parentId: v.parentId ?? req.parent.id };
    case 'renameDept':
      return { kind: 'renameDept', id: req.dept.id, name: str(v.name) };
    case 'moveDept':
      return { kind: 'moveDept', id: req.dept.id, parentId: v.parentId ?? 0 };
    case 'deleteDept':
      return { kind: 'deleteDept', id: req.dept.id };
  }
}

interface TreeOption {
  value: number;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

/** The mirror's departments as TreeSelect options; `exclude` (a department being moved) and its subtree cannot be picked. */
function deptOptions(depts: MirrorDept[], exclude: number | null): TreeOption[] {
  const kids = new Map<number | null, MirrorDept[]>();
  for (const d of depts) kids.set(d.parentId, [...(kids.get(d.parentId) ?? []), d]);
  const ids = new Set(depts.map((d) => d.id));
  const build = (d: MirrorDept, blocked: boolean): TreeOption => {
    const off = blocked || d.id === exclude;
    return { value: d.id, title: d.name, disabled: off, children: (kids.get(d.id) ?? []).sort((a, b) => b.order - a.order).map((c) => build(c, off)) };
  };
  return depts.filter((d) => d.parentId === null || !ids.has(d.parentId)).map((d) => build(d, false));
}

export function EditForm({ corpId, req, form, depts }: { corpId: string; req: EditRequest; form: FormInstance<FormValues>; depts: MirrorDept[] }) {
  const t = useT();
  const treeData = useMemo(() => deptOptions(depts, req.kind === 'moveDept' ? req.dept.id : null), [depts, req]);
  const chosen = Form.useWatch('department', form) ?? [];
  const name = (id: number) => depts.find((d) => d.id === id)?.name ?? String(id);
  const deptPicker = (multiple: boolean, label: string, field: 'department' | 'parentId') => (
    <Form.Item name={field} label={label} rules={[{ required: true }]}>
      <TreeSelect<number | number[]>
        treeData={treeData}
        multiple={multiple}
        showSearch={{ treeNodeFilterProp: 'title' }}
        treeDefaultExpandAll
        aria-label={label}
        data-testid={`edit-${field}`}
        onChange={(v) => {
          // The main department follows the list: kept when still chosen, else the first one.
          if (field !== 'department' || !Array.isArray(v)) return;
          const main = form.getFieldValue('mainDepartment') as number | undefined;
          if (main === undefined || !v.includes(main)) form.setFieldValue('mainDepartment', v[0]);
        }}
      />
    </Form.Item>
  );
  const text = (field: keyof FormValues, label: string, opts: { required?: boolean; clearable?: boolean } = {}) => (
    <Form.Item name={field} label={label} rules={opts.required ? [{ required: true, whitespace: true }] : []} extra={opts.clearable ? t('edit.field.clearHint') : undefined}>
      <Input aria-label={label} data-testid={`edit-${field}`} autoComplete="off" />
    </Form.Item>
  );

  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={initialValues(req)} requiredMark>
      {req.kind === 'createUser' && (
        <>
          {text('userid', t('field.userid'), { required: true })}
          {text('name', t('field.name'), { required: true })}
          {text('mobile', t('field.mobile'))}
          {text('email', t('field.email'))}
          {text('position', t('field.position'))}
          {deptPicker(true, t('edit.field.departments'), 'department')}
          {chosen.length > 1 && (
            <Form.Item name="mainDepartment" label={t('field.mainDepartment')} rules={[{ required: true }]}>
              <Select aria-label={t('field.mainDepartment')} options={chosen.map((id) => ({ value: id, label: name(id) }))} />
            </Form.Item>
          )}
          <Form.Item name="oaUserId" label={t('edit.field.oaUser')}>
            <OaUserPicker corpId={corpId} onPick={(u) => form.setFieldValue('oaUserId', u?.id ?? null)} />
          </Form.Item>
          <Form.Item name="invite" valuePropName="checked">
            <Checkbox>{t('edit.field.invite')}</Checkbox>
          </Form.Item>
        </>
      )}
      {req.kind === 'updateUser' && (
        <>
          {text('name', t('field.name'), { required: true })}
          {text('mobile', t('field.mobile'), { clearable: true })}
          {text('email', t('field.email'), { clearable: true })}
          {text('position', t('field.position'), { clearable: true })}
          {text('alias', t('field.alias'), { clearable: true })}
          {text('telephone', t('field.telephone'), { clearable: true })}
        </>
      )}
      {req.kind === 'moveUser' && (
        <>
          {deptPicker(true, t('edit.field.departments'), 'department')}
          {chosen.length > 1 && (
            <Form.Item name="mainDepartment" label={t('field.mainDepartment')} rules={[{ required: true }]}>
              <Select aria-label={t('field.mainDepartment')} options={chosen.map((id) => ({ value: id, label: name(id) }))} />
            </Form.Item>
          )}
        </>
      )}
      {req.kind === 'createDept' && (
        <>
          {text('name', t('edit.field.deptName'), { required: true })}
          {deptPicker(false, t('edit.field.parent'), 'parentId')}
        </>
      )}
      {req.kind === 'renameDept' && text('name', t('edit.field.deptName'), { required: true })}
      {req.kind === 'moveDept' && deptPicker(false, t('edit.field.parent'), 'parentId')}
    </Form>
  );
}
