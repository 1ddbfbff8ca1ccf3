import { useMemo } from 'react';
import { create } from 'zustand';
import { enUS } from './en-US';
import { zhCN, type MessageKey } from './zh-CN';

export type Lang = 'zh-CN' | 'en-US';
export type { MessageKey };
export type Vars = Record<string, string | number>;
export type T = (key: MessageKey, vars?: Vars) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };
const STORAGE_KEY = 'wecom-bridge.lang';

function storedLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

/** The UI language; zh-CN unless the user chose English, remembered across launches. */
export const useLangStore = create<LangState>()((set) => ({
  lang: storedLang(),
  setLang(lang) {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    } catch {
      // Not persisted; the choice still applies to this session.
    }
    set({ lang });
  },
}));

export function translator(lang: Lang): T {
  const dict = dictionaries[lang];
  return (key, vars) => {
    const text = dict[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

export function useLang(): Lang {
  return useLangStore((s) => s.lang);
}

export function useT(): T {
  const lang = useLang();
  return useMemo(() => translator(lang), [lang]);
}

export { schemaMessage } from './schema-messages';
export { conflictText, holdText, holdsText, stopText } from './plan-messages';
