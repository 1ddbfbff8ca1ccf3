// F6.4 auto-reply rules: the five match modes, 【发送图片】, priority (smaller wins, ties → older), 【启用】, and
// the input rules (keyword ≤ 50, reply 1–1500 characters, priority 1–100, the action/match/keyword combinations).
import { describe, expect, it } from 'vitest';
import { ReplyRuleInput, type ReplyRuleView } from '../../../main/api/callback-contract';
import { byPriority, pickReply, ruleMatches } from '../../../main/services/reply-rules';

let n = 0;
const rule = (over: Partial<ReplyRuleView>): ReplyRuleView => ({
  id: `r${++n}`,
  appId: 'a1',
  name: `rule ${n}`,
  action: 'text',
  match: 'contains',
  keyword: '报销',
  reply: '请在 OA 中提交报销单',
  priority: 50,
  enabled: true,
  createdAt: `2025-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...over,
});
const text = (content: string) => ({ kind: 'text' as const, content });

describe('match modes', () => {
  it.each([
    ['contains', '报销', '我要报销差旅费', true],
    ['contains', '报销', '我要请假', false],
    ['prefix', '请假', '请假三天', true],
    ['prefix', '请假', '我要请假', false],
    ['suffix', '流程', '查询审批流程', true],
    ['suffix', '流程', '流程查询', false],
    ['exact', '帮助', '帮助', true],
    ['exact', '帮助', '帮助 ', false],
    ['exact', '帮助', '求帮助', false],
  ] as const)('%s %s ← %s = %s', (match, keyword, content, hit) => {
    expect(ruleMatches(rule({ match, keyword }), text(content))).toBe(hit);
  });

  it('【直接托管】 answers any text, not images; 【发送图片】 answers any image, not text', () => {
    const any = rule({ match: 'any', keyword: null });
    const image = rule({ action: 'image', match: null, keyword: null });
    expect(ruleMatches(any, text(''))).toBe(true);
    expect(ruleMatches(any, text('随便什么'))).toBe(true);
    expect(ruleMatches(any, { kind: 'image' })).toBe(false);
    expect(ruleMatches(image, { kind: 'image' })).toBe(true);
    expect(ruleMatches(image, text('图片'))).toBe(false);
  });

  it('a disabled rule never matches', () => {
    expect(ruleMatches(rule({ enabled: false }), text('报销'))).toBe(false);
  });
});

describe('priority', () => {
  it('smaller priority wins; ties go to the older rule; no match, no reply', () => {
    const older = rule({ priority: 10, reply: 'older', createdAt: '2025-01-01T00:00:00.000Z' });
    const newer = rule({ priority: 10, reply: 'newer', createdAt: '2025-01-02T00:00:00.000Z' });
    const urgent = rule({ priority: 1, match: 'prefix', keyword: '紧急', reply: 'urgent' });
    const fallback = rule({ priority: 100, match: 'any', keyword: null, reply: 'fallback' });
    const rules = [fallback, newer, older, urgent];
    expect(pickReply(rules, text('报销'))?.reply).toBe('older');
    expect(pickReply(rules, text('紧急报销'))?.reply).toBe('urgent');
    expect(pickReply(rules, text('你好'))?.reply).toBe('fallback');
    expect(pickReply([newer, older], { kind: 'image' })).toBeNull();
    expect(byPriority(rules).map((r) => r.reply)).toEqual(['urgent', 'older', 'newer', 'fallback']);
  });

  it('equal priority and equal creation time keep the given (store) order', () => {
    const a = rule({ priority: 5, createdAt: 'same', reply: 'a' });
    const b = rule({ priority: 5, createdAt: 'same', reply: 'b' });
    expect(pickReply([a, b], text('报销'))?.reply).toBe('a');
  });
});

describe('input rules', () => {
  const base = { appId: 'a1', name: '报销', reply: '好的' };
  const ok = (v: Record<string, unknown>) => ReplyRuleInput.safeParse({ ...base, ...v }).success;
  const message = (v: Record<string, unknown>) => {
    const r = ReplyRuleInput.safeParse({ ...base, ...v });
    return r.success ? null : r.error.issues[0]?.message;
  };

  it('text needs a match mode; keyword required for the four keyword modes, refused under 【直接托管】', () => {
    expect(message({})).toBe('请选择匹配方式');
    expect(message({ match: 'contains' })).toBe('关键字必填');
    expect(message({ match: 'contains', keyword: '  ' })).toBe('关键字必填');
    expect(ok({ match: 'contains', keyword: '报销' })).toBe(true);
    expect(ok({ match: 'any' })).toBe(true);
    expect(message({ match: 'any', keyword: 'x' })).toBe('【直接托管】不需要关键字');
  });

  it('image rules have no match mode and no keyword', () => {
    expect(ok({ action: 'image' })).toBe(true);
    expect(message({ action: 'image', match: 'any' })).toBe('【发送图片】的规则没有匹配方式和关键字');
    expect(message({ action: 'image', keyword: 'x' })).toBe('【发送图片】的规则没有匹配方式和关键字');
  });

  it('limits counted in characters: keyword ≤ 50, reply 1–1500, priority integer 1–100 (default 100)', () => {
    expect(ok({ match: 'exact', keyword: '字'.repeat(50) })).toBe(true);
    expect(ok({ match: 'exact', keyword: '字'.repeat(51) })).toBe(false);
    expect(ok({ match: 'exact', keyword: '🙂'.repeat(50) })).toBe(true);
    expect(ok({ match: 'any', reply: '回'.repeat(1500) })).toBe(true);
    expect(ok({ match: 'any', reply: '回'.repeat(1501) })).toBe(false);
    expect(ok({ match: 'any', reply: '' })).toBe(false);
    expect(ok({ match: 'any', reply: '第一行\n<a href="https://oa.example.com">链接</a>' })).toBe(true);
    for (const p of [1, 100]) expect(ok({ match: 'any', priority: p })).toBe(true);
    for (const p of [0, 101, 1.5]) expect(ok({ match: 'any', priority: p })).toBe(false);
    expect(ReplyRuleInput.parse({ ...base, match: 'any' })).toMatchObject({ priority: 100, enabled: true, action: 'text', keyword: null });
  });
});
