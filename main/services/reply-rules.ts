// F6.4 auto-reply: which rule answers a user's message. Pure: the caller passes the app's enabled rules.
// 【发送文字】 rules match text by 【包含】/【开头】/【结束】/【完全匹配】 their keyword, or any text under
// 【直接托管】; 【发送图片】 rules answer any image. Smaller 【优先级】 wins; equal priorities → the older rule.
// No match → no reply.
import type { ReplyRuleView } from '../api/callback-contract';

export type IncomingUserMessage = { kind: 'text'; content: string } | { kind: 'image' };

export function ruleMatches(rule: ReplyRuleView, msg: IncomingUserMessage): boolean {
  if (!rule.enabled) return false;
  if (msg.kind === 'image') return rule.action === 'image';
  if (rule.action !== 'text') return false;
  const k = rule.keyword ?? '';
  switch (rule.match) {
    case 'any':
      return true;
    case 'contains':
      return k !== '' && msg.content.includes(k);
    case 'prefix':
      return k !== '' && msg.content.startsWith(k);
    case 'suffix':
      return k !== '' && msg.content.endsWith(k);
    case 'exact':
      return msg.content === k;
    case null:
      return false;
    default: {
      const never: never = rule.match;
      throw new Error(`unknown match mode ${String(never)}`);
    }
  }
}

/** Priority order: smaller priority first, then older (createdAt, then the given order). */
export function byPriority(rules: readonly ReplyRuleView[]): ReplyRuleView[] {
  return rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.priority - b.r.priority || (a.r.createdAt < b.r.createdAt ? -1 : a.r.createdAt > b.r.createdAt ? 1 : a.i - b.i))
    .map((x) => x.r);
}

export function pickReply(rules: readonly ReplyRuleView[], msg: IncomingUserMessage): ReplyRuleView | null {
  return byPriority(rules).find((r) => ruleMatches(r, msg)) ?? null;
}
