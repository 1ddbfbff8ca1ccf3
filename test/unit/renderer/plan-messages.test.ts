import { describe, expect, it } from 'vitest';
import { deptNameProblem, emailProblem, memberNameProblem, mobileProblem, useridProblem } from '../../../main/wecom/field-rules';
import { conflictText, holdText, holdsText, planTemplate, PLAN_TEXTS, stopText, type PlanParams } from '../../../renderer/i18n/plan-messages';
import { planEn } from '../../../renderer/i18n/plan.en-US';
import { planZh } from '../../../renderer/i18n/plan.zh-CN';
import { allPlanTexts, conflictPlan } from '../sync/plan-text-fixtures';

const withVariant = (base: string, variant: string | number | null | undefined) => (variant === null || variant === undefined ? base : `${base}.${variant}`);
/** Every template key the planner's texts need, from the registry of kinds and variants. */
function neededKeys(): string[] {
  const keys: string[] = [];
  for (const [kind, variants] of Object.entries(PLAN_TEXTS.conflict)) for (const v of variants) keys.push(withVariant(`planText.conflict.${kind}`, v), withVariant(`planText.fix.${kind}`, v));
  for (const [rule, variants] of Object.entries(PLAN_TEXTS.hold)) for (const v of variants) keys.push(withVariant(`planText.hold.${rule}`, v));
  for (const [code, variants] of Object.entries(PLAN_TEXTS.stop)) for (const v of variants) keys.push(withVariant(`planText.stop.${code}`, v));
  return keys;
}

// People's and departments' names stay as they are in any language; 【】 holds the manual's Chinese name.
const NAME_PARAMS = ['userName', 'deptName', 'from', 'oaRoot', 'wecomRoot', 'takenName', 'names', 'candidates'];
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
function cjkOutsideNames(text: string, params: PlanParams | undefined): string | null {
  let rest = text.replace(/【[^】]*】/g, '');
  for (const name of NAME_PARAMS) {
    const v = params?.[name];
    if (typeof v === 'string' && v) rest = rest.split(v).join('');
  }
  return CJK.test(rest) ? rest : null;
}

describe('plan texts in the UI language (conflicts, safety holds, stops)', () => {
  it('every conflict kind, safety rule and stop code (and each variant) has a template in both languages, and no template is orphaned', () => {
    const needed = neededKeys();
    for (const key of needed) {
      expect(planZh, key).toHaveProperty([key]);
      expect(planEn, key).toHaveProperty([key]);
      expect(planEn[key as keyof typeof planEn].trim(), key).not.toBe('');
    }
    const templates = Object.keys(planZh).filter((k) => /^planText\.(conflict|fix|hold|stop)\./.test(k));
    expect(templates.sort()).toEqual([...needed].sort());
  });

  it('the sample plans produce exactly the registered kinds and variants, so the checks below see every template', () => {
    const { conflicts, holds, stops } = allPlanTexts();
    const seen = new Set([
      ...conflicts.map((c) => withVariant(`planText.conflict.${c.kind}`, c.params?.variant)),
      ...holds.map((h) => withVariant(`planText.hold.${h.rule}`, h.params?.variant)),
      ...stops.map((s) => withVariant(`planText.stop.${s.code}`, s.params?.variant)),
    ]);
    expect([...seen].sort()).toEqual(neededKeys().filter((k) => !k.startsWith('planText.fix.')).sort());
  });

  it("en-US renders a real plan's conflicts, holds and stops in English: no Chinese outside 【】 and the names", () => {
    const { conflicts, holds, stops } = allPlanTexts();
    for (const c of conflicts) {
      expect(planTemplate(`planText.conflict.${c.kind}`, c.params, 'en-US'), c.message).not.toBeNull();
      expect(planTemplate(`planText.fix.${c.kind}`, c.params, 'en-US'), c.fix).not.toBeNull();
      const { message, fix } = conflictText(c, 'en-US');
      expect(cjkOutsideNames(message, c.params), c.message).toBeNull();
      expect(cjkOutsideNames(fix, c.params), c.fix).toBeNull();
      expect(message).not.toMatch(/\{\w/);
    }
    for (const h of holds) {
      const text = holdText(h, 'en-US');
      expect(text).not.toBe(h.message);
      expect(cjkOutsideNames(text, h.params), h.message).toBeNull();
    }
    for (const s of stops) {
      const text = stopText(s, 'en-US');
      expect(text).not.toBe(s.message);
      expect(cjkOutsideNames(text, s.params), s.message).toBeNull();
    }
  });

  it('reads naturally: names quoted, counts agree, coded values and field-rule reasons in English', () => {
    const p = conflictPlan();
    const en = (pick: (c: (typeof p.conflicts)[number]) => boolean) => conflictText(p.conflicts.find(pick)!, 'en-US');
    expect(en((c) => c.kind === 'siblingNameClash' && c.oaDeptId === '7')).toEqual({
      message: 'OA department "销售部" has the same name as a sibling department: WeCom needs sibling departments to have different names',
      fix: 'Rename one of them in OA, or leave one out in Scope 【范围设置】',
    });
    expect(en((c) => c.kind === 'deptNotEmpty').message).toBe('WeCom department "人事部" was deleted in OA but still holds 1 member and 0 sub-departments, so it cannot be deleted');
    expect(en((c) => c.kind === 'invalidUserid' && c.params?.variant === 'missing')).toEqual({
      message: '"张三" has no login name, so no WeCom account can be made',
      fix: 'Add the login name in OA, or change Account source 【用户账号来源】',
    });
    expect(en((c) => c.kind === 'invalidEmail').message).toBe('The email "x@y" of "林四" is invalid: not an email address of 6–64 bytes');
    expect(en((c) => c.kind === 'sameIdentityUnbound').message).toBe('Before creating "赵六": WeCom has unbound members who look like the same person: 赵六 (zhaoliu2)');
  });

  it('the zh-CN templates give back the planner\'s own text from its params (params are complete; templates have not drifted)', () => {
    const { conflicts, holds, stops } = allPlanTexts();
    // Lists travel with neutral separators; the Chinese text joins them with 、 and （）.
    const norm = (s: string) => s.replace(/、/g, ', ').replace(/（([^）]*)）/g, ' ($1)').replace(/ +/g, ' ');
    for (const c of conflicts) {
      expect(norm(planTemplate(`planText.conflict.${c.kind}`, c.params, 'zh-CN') ?? '')).toBe(norm(c.message));
      expect(planTemplate(`planText.fix.${c.kind}`, c.params, 'zh-CN')).toBe(c.fix);
    }
    for (const h of holds) expect(planTemplate(`planText.hold.${h.rule}`, h.params, 'zh-CN')).toBe(h.message);
    for (const s of stops) expect(planTemplate(`planText.stop.${s.code}`, s.params, 'zh-CN')).toBe(s.message);
  });

  it('zh-CN shows the planner\'s text as is', () => {
    const { conflicts, holds, stops } = allPlanTexts();
    for (const c of conflicts) expect(conflictText(c, 'zh-CN')).toEqual({ message: c.message, fix: c.fix });
    expect(holdsText(holds.slice(0, 2), 'zh-CN')).toBe(`${holds[0].message}；${holds[1].message}`);
    for (const s of stops) expect(stopText(s, 'zh-CN')).toBe(s.message);
  });

  it('falls back to the Chinese text when params, a value, a template or a reason is missing', () => {
    const c = { kind: 'depthLimit', message: 'OA 部门「甲」在企业微信中将超过 15 层', fix: '调整顶级部门或 OA 层级' };
    expect(conflictText(c, 'en-US')).toEqual({ message: c.message, fix: c.fix });
    expect(conflictText({ ...c, params: { deptName: '甲' } }, 'en-US')).toEqual({ message: c.message, fix: c.fix });
    expect(conflictText({ ...c, params: { deptName: '甲', maxDepth: 15, variant: 'unheardOf' } }, 'en-US')).toEqual({ message: c.message, fix: c.fix });
    expect(conflictText({ ...c, kind: 'someNewKind', params: { deptName: '甲', maxDepth: 15 } }, 'en-US')).toEqual({ message: c.message, fix: c.fix });
    expect(conflictText({ ...c, params: { deptName: '甲', maxDepth: 15 } }, 'en-US').message).toBe('OA department "甲" would be more than 15 levels deep in WeCom');
    const bad = { kind: 'invalidName', message: '「甲」：新的规则', fix: '在 OA 中修正姓名', params: { userName: '甲', problem: '新的规则' } };
    expect(conflictText(bad, 'en-US')).toEqual({ message: bad.message, fix: bad.fix });
    expect(holdText({ rule: 'maxDeletes', message: '本次将删除 3 名成员，超过每次上限 1' }, 'en-US')).toBe('本次将删除 3 名成员，超过每次上限 1');
  });

  it("every reason main/wecom/field-rules.ts gives has an English text", () => {
    const reasons = [
      useridProblem(''),
      useridProblem('a'.repeat(65)),
      useridProblem('-x'),
      deptNameProblem(' '),
      deptNameProblem('部'.repeat(33)),
      deptNameProblem('a:b'),
      memberNameProblem(' '),
      memberNameProblem('名'.repeat(65)),
      mobileProblem('abc'),
      emailProblem('x@y'),
    ];
    for (const r of reasons) {
      expect(r).not.toBeNull();
      const text = planTemplate('planText.conflict.invalidName', { userName: 'A', problem: r! }, 'en-US');
      expect(text, r!).not.toBeNull();
      expect(CJK.test(text!), text!).toBe(false);
    }
  });
});
