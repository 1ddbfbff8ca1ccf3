import type { ApiError } from '../../../api';
import { holdsText, stopText, type Lang, type T } from '../../../i18n';

type HoldDetail = Parameters<typeof holdsText>[0][number];

/** Why a push was refused, in the UI language: holds, stops and counts come with the values they are made of. */
export function refusalText(err: ApiError, lang: Lang, t: T): string {
  const d = (err.details ?? null) as { held?: HoldDetail[]; limit?: number; code?: string; message?: string; params?: Record<string, string | number> } | null;
  if (lang !== 'zh-CN') {
    if (err.code === 'held' && Array.isArray(d?.held)) return holdsText(d.held, lang);
    if (err.code === 'root_mismatch' && d && typeof d.code === 'string' && typeof d.message === 'string') return stopText({ code: d.code, message: d.message, params: d.params }, lang);
    if (err.code === 'confirm_required' && typeof d?.limit === 'number') return t('push.confirm.type', { n: d.limit });
  }
  return err.code in { confirm_required: 1, held: 1, root_mismatch: 1 } ? err.message : `${err.message}${err.hint ? ` — ${err.hint}` : ''}`;
}

