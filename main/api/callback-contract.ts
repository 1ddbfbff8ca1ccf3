// Contract entries for callbacks (F6): settings per app / corp, auto-reply rules (F6.4), the inspector (F6.5)
// and stored events. Pure zod, spread into `contract` in contract.ts; the renderer imports it through there.
import { z } from 'zod';

export const CallbackKind = z.enum(['app', 'contacts', 'customer']);
export type CallbackKind = z.infer<typeof CallbackKind>;

export const CallbackTokenField = z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'Token 为 1–32 位英文字母或数字');
export const EncodingAESKeyField = z.string().regex(/^[A-Za-z0-9]{43}$/, 'EncodingAESKey 为 43 位英文字母或数字');

export const CallbackSettingsView = z.object({
  kind: CallbackKind,
  refId: z.string(),
  corpId: z.string(),
  appId: z.string().nullable(),
  url: z.string(),
  /** The URL is built on the listener's own base (no 云桥对外域名): 「本机地址，企业微信无法访问」. */
  local: z.boolean(),
  token: z.string(),
  encodingAESKey: z.string(),
  /** 【是否开启应用回调】 (apps only; null for the corp callbacks). */
  replies: z.boolean().nullable(),
  /** The last successful URL verification (「URL 已验证」), reset when Token or EncodingAESKey change. */
  verifiedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type CallbackSettingsView = z.infer<typeof CallbackSettingsView>;

const targetRef = z.object({ kind: CallbackKind, id: z.string().min(1) });

// F6.4 limits, counted in characters (code points), as the manual states them.
export const REPLY_RULE_LIMITS = { keyword: 50, reply: 1500, name: 64, priorityMin: 1, priorityMax: 100, defaultPriority: 100 } as const;
export const ReplyAction = z.enum(['text', 'image']);
export const MatchMode = z.enum(['contains', 'prefix', 'suffix', 'exact', 'any']);
export type ReplyAction = z.infer<typeof ReplyAction>;
export type MatchMode = z.infer<typeof MatchMode>;

const chars = (s: string) => [...s].length;

export interface ReplyRuleShape {
  action: ReplyAction;
  match: MatchMode | null;
  keyword: string | null;
  reply: string;
}

/** The F6.4 combinations: text needs a match mode; a keyword exactly for the four keyword modes. */
export function replyRuleProblem(r: ReplyRuleShape): { path: string; message: string } | null {
  if (r.action === 'image') {
    if (r.match !== null || r.keyword !== null) return { path: 'match', message: '【发送图片】的规则没有匹配方式和关键字' };
  } else if (r.match === null) return { path: 'match', message: '请选择匹配方式' };
  else if (r.match === 'any') {
    if (r.keyword !== null) return { path: 'keyword', message: '【直接托管】不需要关键字' };
  } else if (r.keyword === null || r.keyword.trim() === '') return { path: 'keyword', message: '关键字必填' };
  else if (chars(r.keyword) > REPLY_RULE_LIMITS.keyword) return { path: 'keyword', message: '关键字最多 50 个字符' };
  if (chars(r.reply) < 1 || r.reply.trim() === '') return { path: 'reply', message: '回复内容必填' };
  if (chars(r.reply) > REPLY_RULE_LIMITS.reply) return { path: 'reply', message: '回复内容最多 1500 个字符' };
  return null;
}

const RuleName = z.string().trim().min(1, '规则名称必填').refine((s) => chars(s) <= REPLY_RULE_LIMITS.name, '规则名称最多 64 个字符');
const Priority = z.number({ error: '优先级为 1–100 的整数' }).int('优先级为 1–100 的整数').min(1, '优先级为 1–100 的整数').max(100, '优先级为 1–100 的整数');
const Keyword = z.string().refine((s) => chars(s) <= REPLY_RULE_LIMITS.keyword, '关键字最多 50 个字符');
const Reply = z.string().refine((s) => chars(s) >= 1 && chars(s) <= REPLY_RULE_LIMITS.reply, '回复内容为 1–1500 个字符');

export const ReplyRuleView = z.object({
  id: z.string(),
  appId: z.string(),
  name: z.string(),
  action: ReplyAction,
  match: MatchMode.nullable(),
  keyword: z.string().nullable(),
  reply: z.string(),
  priority: z.number(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReplyRuleView = z.infer<typeof ReplyRuleView>;

export const ReplyRuleInput = z
  .object({
    appId: z.string().min(1),
    name: RuleName,
    action: ReplyAction.default('text'),
    match: MatchMode.nullable().default(null),
    keyword: Keyword.nullable().default(null),
    reply: Reply,
    priority: Priority.default(REPLY_RULE_LIMITS.defaultPriority),
    enabled: z.boolean().default(true),
  })
  .superRefine((r, ctx) => {
    const p = replyRuleProblem(r);
    if (p) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  });
export type ReplyRuleInput = z.output<typeof ReplyRuleInput>;

export const ReplyRulePatch = z.object({
  id: z.string().min(1),
  name: RuleName.optional(),
  action: ReplyAction.optional(),
  match: MatchMode.nullable().optional(),
  keyword: Keyword.nullable().optional(),
  reply: Reply.optional(),
  priority: Priority.optional(),
  enabled: z.boolean().optional(),
});
export type ReplyRulePatch = z.output<typeof ReplyRulePatch>;

export const CallbackOutcome = z.enum(['accepted', 'verified', 'duplicate', 'rejected']);
export const CallbackLogEntry = z.object({
  seq: z.number(),
  at: z.string(),
  source: z.string(),
  method: z.string(),
  path: z.string(),
  kind: CallbackKind.nullable(),
  corpId: z.string().nullable(),
  appId: z.string().nullable(),
  outcome: CallbackOutcome,
  /** Rejections only: a stable code (signature, receive_id, malformed, too_large, timeout, rate_limited…). */
  reason: z.string().nullable(),
  status: z.number(),
  msgType: z.string().nullable(),
  event: z.string().nullable(),
  changeType: z.string().nullable(),
  fromUser: z.string().nullable(),
  replied: z.boolean(),
  /** The decrypted fields, with credentials (WelcomeCode, ResponseCode, …) redacted and long values cut. */
  fields: z.record(z.string(), z.string()),
  ms: z.number(),
});
export type CallbackLogEntry = z.infer<typeof CallbackLogEntry>;

export const CallbackCounters = z.object({
  received: z.number(),
  accepted: z.number(),
  verified: z.number(),
  duplicates: z.number(),
  replies: z.number(),
  rejected: z.number(),
  byReason: z.record(z.string(), z.number()),
  routeErrors: z.number(),
  since: z.string(),
});
export type CallbackCounters = z.infer<typeof CallbackCounters>;

export const StoredCallbackEvent = z.object({
  id: z.number(),
  corpId: z.string(),
  appId: z.string().nullable(),
  kind: z.enum(['template_card', 'external_contact']),
  event: z.string(),
  changeType: z.string().nullable(),
  fromUser: z.string().nullable(),
  createTime: z.number().nullable(),
  fields: z.record(z.string(), z.unknown()),
  receivedAt: z.string(),
});
export type StoredCallbackEvent = z.infer<typeof StoredCallbackEvent>;

const AppCallbackRow = z.object({ appId: z.string(), name: z.string(), agentid: z.number(), settings: CallbackSettingsView });

export const callbackContract = {
  'callbacks.get': { input: targetRef, output: CallbackSettingsView },
  'callbacks.set': {
    input: targetRef.extend({
      token: CallbackTokenField.optional(),
      encodingAESKey: EncodingAESKeyField.optional(),
      regenerate: z.boolean().default(false),
      replies: z.boolean().optional(),
    }),
    output: CallbackSettingsView,
  },
  'callbacks.overview': {
    input: z.object({ corpId: z.string().min(1) }),
    output: z.object({ contacts: CallbackSettingsView, customer: CallbackSettingsView, apps: z.array(AppCallbackRow) }),
  },
  'callbacks.log': {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200), corpId: z.string().optional() }),
    output: z.object({ entries: z.array(CallbackLogEntry), counters: CallbackCounters }),
  },
  'callbacks.events': {
    input: z.object({ corpId: z.string().min(1), kind: z.enum(['template_card', 'external_contact']).optional(), limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.array(StoredCallbackEvent),
  },
  'replyRules.list': { input: z.object({ appId: z.string().min(1) }), output: z.array(ReplyRuleView) },
  'replyRules.add': { input: ReplyRuleInput, output: ReplyRuleView },
  'replyRules.update': { input: ReplyRulePatch, output: ReplyRuleView },
  'replyRules.remove': { input: z.object({ ids: z.array(z.string().min(1)).min(1).max(1000) }), output: z.object({ removed: z.number() }) },
  'replyRules.removeAll': { input: z.object({ appId: z.string().min(1) }), output: z.object({ removed: z.number() }) },
} as const;
