// Per-corp sync settings (CLI.md "Sync settings"): one zod schema per key, the defaults, and how a value
// typed on the command line becomes a typed value. Pure: the UI forms and the CLI share it.
import { z } from 'zod';

const posIntOrNever = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    if (v === '' || v === 0 || v === '0') return 0;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isInteger(n) || n < 0) {
      ctx.addIssue({ code: 'custom', message: '只支持正整数' });
      return z.NEVER;
    }
    return n;
  });

const count = z.number().int('只支持整数').min(0, '不能为负数');
const pct = z.number().min(0, '百分比在 0–100 之间').max(100, '百分比在 0–100 之间');
const idList = z.array(z.string().min(1)).max(100_000);
const cron = z.string().trim().min(1).nullable();

export const SETTINGS = {
  'sync.mode': z.enum(['readonly', 'readwrite']),
  'sync.scopeApp': z.string().min(1).nullable(),
  'sync.toOA': z.boolean(),
  'bind.auto': z.boolean(),
  'bind.match': z.enum(['mobile', 'email', 'userid=loginid', 'userid=workcode']),
  'push.topDept': z.number().int().min(1).nullable(),
  'push.addUsers': z.boolean(),
  'push.invite': z.boolean(),
  'push.partTime': z.boolean(),
  'push.oaAuthoritative': z.boolean(),
  'push.departed': z.enum(['disable', 'delete']),
  'push.deleteAfterDays': posIntOrNever,
  'push.moveDisabled': z.boolean(),
  'push.disabledDept': z.string().trim().min(1).max(32).regex(/^[^\\:*?"<>|]+$/, '部门名称不能包含 \\ : * ? " < > |'),
  'push.useridFrom': z.enum(['loginid', 'workcode']),
  'push.fieldMap': z.record(z.string().min(1), z.string().regex(/^(name|alias|mobile|email|position|telephone|gender|address|external_position|biz_mail|extattr\.[^.]{1,32}|external_profile\.[^.]{1,32})$/, '不支持的企业微信字段')),
  'push.clearOnEmpty': z.boolean(),
  'scope.units': idList,
  'scope.includeUsers': idList,
  'scope.excludeUsers': idList,
  'scope.removal': z.enum(['delete', 'disable']),
  'safety.userDecrease': count.nullable(),
  'safety.maxDeletes': count,
  'safety.maxDeletesPct': pct,
  'safety.maxDisables': count,
  'safety.maxDisablesPct': pct,
  'safety.maxDeptDeletes': count,
  'schedule.pull': cron,
  'schedule.push': cron,
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SyncSettings = { -readonly [K in SettingKey]: z.output<(typeof SETTINGS)[K]> };
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function isSettingKey(k: string): k is SettingKey {
  return Object.prototype.hasOwnProperty.call(SETTINGS, k);
}

export function defaultSettings(ctx: { hasContactSecret: boolean }): SyncSettings {
  return {
    'sync.mode': ctx.hasContactSecret ? 'readwrite' : 'readonly',
    'sync.scopeApp': null,
    'sync.toOA': false,
    'bind.auto': true,
    'bind.match': 'mobile',
    'push.topDept': null,
    'push.addUsers': true,
    'push.invite': false,
    'push.partTime': false,
    'push.oaAuthoritative': true,
    'push.departed': 'disable',
    'push.deleteAfterDays': 0,
    'push.moveDisabled': false,
    'push.disabledDept': '已禁用用户',
    'push.useridFrom': 'loginid',
    'push.fieldMap': {},
    'push.clearOnEmpty': false,
    'scope.units': [],
    'scope.includeUsers': [],
    'scope.excludeUsers': [],
    'scope.removal': 'delete',
    'safety.userDecrease': null,
    'safety.maxDeletes': 500,
    'safety.maxDeletesPct': 20,
    'safety.maxDisables': 500,
    'safety.maxDisablesPct': 20,
    'safety.maxDeptDeletes': 50,
    'schedule.pull': null,
    'schedule.push': null,
  };
}

/**
 * A value as typed on the command line: JSON where it parses and fits the key, else the plain text
 * (so `config set push.disabledDept 离职人员` and `config set scope.units '["1","2"]'` both work).
 * An empty string or `null` clears a nullable key.
 */
export function parseSettingValue(key: SettingKey, raw: string): z.ZodSafeParseResult<unknown> {
  const schema: z.ZodType = SETTINGS[key];
  const candidates: unknown[] = [];
  if (raw === '' || raw === 'null') candidates.push(null);
  try {
    candidates.push(JSON.parse(raw));
  } catch {
    // not JSON: plain text below
  }
  candidates.push(raw);
  let first: z.ZodSafeParseResult<unknown> | null = null;
  for (const c of candidates) {
    const r = schema.safeParse(c);
    if (r.success) return r;
    first ??= r;
  }
  return first!;
}
