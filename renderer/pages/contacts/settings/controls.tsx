// Controls for the settings forms, each taking {id, value, onChange, disabled}.
import { Button, Input, InputNumber, Radio, Select, Space, Switch, TreeSelect, Typography } from 'antd';
import { Cron } from 'croner';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../../i18n';
import { useContacts } from '../../../stores';
import type { ControlProps } from './SettingsForm';

export function BoolControl({ id, value, onChange, disabled }: ControlProps<boolean>) {
  return <Switch id={id} checked={value} onChange={onChange} disabled={disabled} />;
}

export function choiceControl<V extends string>(options: { value: V; label: string }[], radio = false) {
  return function ChoiceControl({ id, value, onChange, disabled }: ControlProps<V>) {
    return radio ? (
      <Radio.Group id={id} value={value} onChange={(e) => onChange(e.target.value as V)} disabled={disabled} options={options} optionType="button" />
    ) : (
      <Select id={id} value={value} onChange={onChange} disabled={disabled} options={options} style={{ maxWidth: 360 }} />
    );
  };
}

/** A count; `nullable` means empty = off (stored as null). */
export function numberControl(nullable: boolean, suffix?: string) {
  return function NumberControl({ id, value, onChange, disabled }: ControlProps<number | string | null>) {
    return (
      <InputNumber
        id={id}
        value={value === '' ? null : (value as number | null)}
        onChange={(v) => onChange(v === null ? (nullable ? null : '') : v)}
        disabled={disabled}
        style={{ width: 180 }}
        suffix={suffix}
      />
    );
  };
}

export function TextControl({ id, value, onChange, disabled }: ControlProps<string>) {
  return <Input id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} style={{ maxWidth: 360 }} />;
}

interface TreeOpt {
  value: string | number;
  title: string;
  children: TreeOpt[];
}

function asTree<T extends { id: string | number; name: string; parentId: string | number | null }>(list: T[], linked?: (d: T) => boolean): TreeOpt[] {
  const byParent = new Map<string | number | null, T[]>();
  for (const d of list) byParent.set(d.parentId, [...(byParent.get(d.parentId) ?? []), d]);
  const ids = new Set(list.map((d) => d.id));
  const build = (d: T): TreeOpt => ({ value: d.id, title: `${linked?.(d) ? '● ' : ''}${d.name}`, children: (byParent.get(d.id) ?? []).map(build) });
  return list.filter((d) => d.parentId === null || !ids.has(d.parentId)).map(build);
}

/** 【顶级部门】: a WeCom department from the mirror; empty = the root. */
export function topDeptControl(corpId: string) {
  return function TopDeptControl({ id, value, onChange, disabled }: ControlProps<number | null>) {
    const t = useT();
    const depts = useContacts((s) => s.mirrorDepts[corpId]);
    const load = useContacts((s) => s.loadMirrorDepts);
    useEffect(() => void load(corpId).catch(() => undefined), [load]);
    const tree = useMemo(() => asTree(depts ?? [], (d) => d.linkedTo !== null), [depts]);
    return (
      <TreeSelect
        id={id}
        value={value ?? undefined}
        onChange={(v) => onChange((v as number | undefined) ?? null)}
        treeData={tree}
        allowClear
        showSearch={{ treeNodeFilterProp: 'title' }}
        placeholder={depts?.length ? t('settings.topDept.root') : t('settings.topDept.pullFirst')}
        disabled={disabled}
        style={{ maxWidth: 360, width: '100%' }}
        treeDefaultExpandAll={(depts?.length ?? 0) < 200}
        virtual
      />
    );
  };
}

/** 【分部/部门范围】: OA subcompanies/departments, each with its subtree; empty = all. */
export function OaUnitsControl({ id, value, onChange, disabled }: ControlProps<string[]>) {
  const t = useT();
  const depts = useContacts((s) => s.oaDepts);
  const load = useContacts((s) => s.loadOaDepts);
  useEffect(() => void load().catch(() => undefined), [load]);
  const tree = useMemo(() => asTree((depts ?? []).map((d) => ({ ...d, name: d.type === 'subcompany' ? `${d.name}（${t('settings.subcompany')}）` : d.name }))), [depts, t]);
  return (
    <TreeSelect
      id={id}
      multiple
      value={value}
      onChange={(v) => onChange(v as string[])}
      treeData={tree}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={t('settings.all')}
      disabled={disabled}
      style={{ maxWidth: 560, width: '100%' }}
      virtual
      allowClear
    />
  );
}

/** 【用户范围（包含/排除）】: OA users, searched on the server. */
export function oaUsersControl(corpId: string) {
  return function OaUsersControl({ id, value, onChange, disabled }: ControlProps<string[]>) {
    const t = useT();
    const search = useContacts((s) => s.oaUsers);
    const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
    const [labels, setLabels] = useState<Record<string, string>>({});
    useEffect(() => {
      const missing = value.filter((v) => !(v in labels));
      if (missing.length) void search({ corpId, ids: missing.slice(0, 1000), limit: 200 }).then((r) => setLabels((l) => ({ ...l, ...Object.fromEntries(r.users.map((u) => [u.id, `${u.name}（${u.id}）`])) })), () => undefined);
    }, [value, labels, search]);
    const onSearch = (q: string) => void search({ corpId, search: q, limit: 30 }).then((r) => setOptions(r.users.map((u) => ({ value: u.id, label: `${u.name}（${u.id}${u.departmentName ? ` · ${u.departmentName}` : ''}）` }))), () => undefined);
    return (
      <Select
        id={id}
        mode="multiple"
        value={value}
        onChange={onChange}
        onSearch={onSearch}
        onFocus={() => onSearch('')}
        filterOption={false}
        showSearch
        options={[...options, ...value.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: labels[v] ?? v }))]}
        placeholder={t('settings.searchOaUsers')}
        disabled={disabled}
        style={{ maxWidth: 560, width: '100%' }}
      />
    );
  };
}

/** 【用户字段对应关系】 / 【对外字段对应关系】: OA field → WeCom field (extattr.X, external_profile.X). */
export function FieldMapControl({ id, value, onChange, disabled }: ControlProps<Record<string, string>>) {
  const t = useT();
  const entries = Object.entries(value);
  const put = (list: [string, string][]) => onChange(Object.fromEntries(list.filter(([k]) => k !== '')));
  return (
    <Space orientation="vertical" size={6} id={id}>
      {entries.map(([oa, wx], i) => (
        <Space key={i} size={6}>
          <Input value={oa} placeholder={t('settings.fieldMap.oa')} disabled={disabled} style={{ width: 160 }} onChange={(e) => put(entries.map((x, j) => (j === i ? [e.target.value, x[1]] : x)))} />
          <Typography.Text>→</Typography.Text>
          <Input value={wx} placeholder={t('settings.fieldMap.wx')} disabled={disabled} style={{ width: 220 }} onChange={(e) => put(entries.map((x, j) => (j === i ? [x[0], e.target.value] : x)))} />
          <Button size="small" disabled={disabled} onClick={() => put(entries.filter((_, j) => j !== i))}>
            {t('common.delete')}
          </Button>
        </Space>
      ))}
      <Button size="small" disabled={disabled} onClick={() => onChange({ ...value, [`field${entries.length + 1}`]: 'extattr.' })}>
        {t('settings.fieldMap.add')}
      </Button>
    </Space>
  );
}

const PRESETS = [1, 2, 4, 6, 12, 24];

/** 【是否定时同步】/【定时设置】: off, every N hours, or a cron expression; the next three runs are shown. */
export function CronControl({ id, value, onChange, disabled }: ControlProps<string | null>) {
  const t = useT();
  const preset = PRESETS.find((h) => value === (h === 24 ? '0 2 * * *' : `0 */${h} * * *`));
  const mode = value === null ? 'off' : preset ? String(preset) : 'cron';
  const runs = useMemo(() => {
    if (!value) return null;
    try {
      return new Cron(value, { paused: true }).nextRuns(3).map((d) => d.toLocaleString());
    } catch {
      return null;
    }
  }, [value]);
  return (
    <Space orientation="vertical" size={4}>
      <Space wrap>
        <Select
          id={id}
          value={mode}
          disabled={disabled}
          style={{ width: 180 }}
          onChange={(m: string) => onChange(m === 'off' ? null : m === 'cron' ? (value ?? '0 8 * * 1-5') : m === '24' ? '0 2 * * *' : `0 */${m} * * *`)}
          options={[{ value: 'off', label: t('settings.cron.off') }, ...PRESETS.map((h) => ({ value: String(h), label: h === 24 ? t('settings.cron.daily') : t('settings.cron.everyN', { n: h }) })), { value: 'cron', label: t('settings.cron.custom') }]}
        />
        {mode === 'cron' && <Input value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value)} placeholder="0 2 * * *" className="wb-mono" style={{ width: 200 }} aria-label={t('settings.cron.custom')} />}
      </Space>
      {value && (runs ? <Typography.Text type="secondary">{t('settings.cron.next', { runs: runs.join('；') })}</Typography.Text> : <Typography.Text type="danger">{t('settings.cron.invalid')}</Typography.Text>)}
    </Space>
  );
}
