// The planner's conflicts, safety holds and stops in the UI language. The planner writes Chinese text (the CLI
// and the journal show it) plus the params it was made from; other languages render templates over those
// params. Anything without a template or a value falls back to the Chinese text: untranslated, never lost.
// Pure (no React, no store) so the planner's own output can be checked against it in node tests.
import type { ConflictKind, PlanStop, SafetyHold } from '../../main/sync/plan-types';
import { planEn } from './plan.en-US';
import { planZh } from './plan.zh-CN';

/** Same values as Lang in ./index.tsx, restated so this module stays free of React. */
export type PlanLang = 'zh-CN' | 'en-US';
export type PlanParams = Record<string, string | number>;

export interface ConflictText {
  kind: string;
  message: string;
  fix: string;
  params?: PlanParams;
}
export interface HoldText {
  rule: string;
  message: string;
  params?: PlanParams;
}
export interface StopText {
  code: string;
  message: string;
  params?: PlanParams;
}

type PlanKey = keyof typeof planZh;
const DICTS: Record<PlanLang, Record<PlanKey, string>> = { 'zh-CN': planZh, 'en-US': planEn };
const hasKey = (key: string): key is PlanKey => key in planZh;

/**
 * Every text the planner writes: kind, rule or code → its variants (null: none). Typed by the planner's
 * unions so a new kind does not compile until it is listed here; the unit test checks each has templates.
 */
export const PLAN_TEXTS: {
  conflict: Record<ConflictKind, readonly (string | null)[]>;
  hold: Record<SafetyHold['rule'], readonly (string | null)[]>;
  stop: Record<PlanStop['code'], readonly (string | null)[]>;
} = {
  conflict: {
    duplicateMobile: [null, 'inOa'],
    duplicateEmail: [null, 'inOa'],
    ambiguousMatch: [null],
    sameIdentityUnbound: [null],
    useridTaken: [null, 'change'],
    invalidUserid: [null, 'missing', 'change'],
    invalidName: [null],
    invalidMobile: [null, 'missing'],
    invalidEmail: [null],
    invalidDeptName: [null],
    siblingNameClash: [null, 'rename', 'linked'],
    depthLimit: [null],
    boundMissing: [null],
    deptNotEmpty: ['outOfScope', 'deletedInOa'],
    deptSkipped: [null],
    unboundWeCom: [null],
  },
  hold: {
    userDecrease: [null],
    maxDeletes: [null, 'pct'],
    maxDisables: [null, 'pct'],
    maxDeptDeletes: [null],
    scopeChange: [null],
  },
  stop: {
    root_mismatch: [null, 'noWecomRoot'],
    top_dept_missing: [null],
    no_oa_directory: [null],
  },
};

/** A field-rule reason (main/wecom/field-rules.ts writes them in Chinese) in `lang`, or null if unknown. */
function problemText(zh: string, lang: PlanLang): string | null {
  for (const key of Object.keys(planZh) as PlanKey[]) {
    if (key.startsWith('planText.problem.') && planZh[key] === zh) return DICTS[lang][key];
  }
  return null;
}

function paramText(name: string, value: string | number, lang: PlanLang): string | null {
  if (name === 'problem') return problemText(String(value), lang);
  const term = `planText.term.${name}.${value}`;
  return hasKey(term) ? DICTS[lang][term] : String(value);
}

/** The key's template (or its params' variant) filled from params; null when the template or a value is missing. */
export function planTemplate(key: string, params: PlanParams | undefined, lang: PlanLang): string | null {
  if (!params) return null;
  const full = params.variant === undefined ? key : `${key}.${params.variant}`;
  if (!hasKey(full)) return null;
  let complete = true;
  const text = DICTS[lang][full].replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (_m, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) {
      complete = false;
      return '';
    }
    if (one !== undefined && other !== undefined) return Number(value) === 1 ? one : other;
    const shown = paramText(name, value, lang);
    if (shown === null) complete = false;
    return shown ?? '';
  });
  return complete ? text : null;
}

/** A conflict's message and fix; zh-CN (and anything untranslatable) keeps the planner's own text. */
export function conflictText(c: ConflictText, lang: PlanLang): { message: string; fix: string } {
  if (lang === 'zh-CN') return { message: c.message, fix: c.fix };
  const message = planTemplate(`planText.conflict.${c.kind}`, c.params, lang);
  const fix = planTemplate(`planText.fix.${c.kind}`, c.params, lang);
  // Both or neither: a translated message over a Chinese fix reads worse than one language throughout.
  return message !== null && fix !== null ? { message, fix } : { message: c.message, fix: c.fix };
}

export function holdText(h: HoldText, lang: PlanLang): string {
  return lang === 'zh-CN' ? h.message : (planTemplate(`planText.hold.${h.rule}`, h.params, lang) ?? h.message);
}

export function stopText(s: StopText, lang: PlanLang): string {
  return lang === 'zh-CN' ? s.message : (planTemplate(`planText.stop.${s.code}`, s.params, lang) ?? s.message);
}

/** Several holds in one line, with the language's own separator. */
export function holdsText(holds: HoldText[], lang: PlanLang): string {
  return holds.map((h) => holdText(h, lang)).join(lang === 'zh-CN' ? '；' : '; ');
}
