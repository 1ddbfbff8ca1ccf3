// Checks of message/send content per msgtype (wecom-api.md §3 limits). Over-long text is truncated by WeCom, not
// refused, so only missing or structurally wrong content raises an error here.
import { byteLength, charLength } from '../contact-rules';
import { SimError, invalidParam } from '../errors';
import type { MediaStore } from '../sim-context';
import type { Json } from '../types';

export const INTERACTIVE_CARDS = new Set(['button_interaction', 'vote_interaction', 'multiple_interaction']);
const CARD_TYPES = new Set(['text_notice', 'news_notice', ...INTERACTIVE_CARDS]);

type Obj = { [key: string]: Json };

function obj(raw: Obj, key: string): Obj {
  const v = raw[key];
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalidParam(`missing ${key}`);
  return v;
}

function str(o: Obj, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') throw invalidParam(`missing ${where}.${key}`);
  return v;
}

const hasScheme = (url: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(url);

export function checkMessageContent(
  msgtype: string,
  raw: Obj,
  media: MediaStore,
  nowMs: number,
): { interactive: boolean; taskId: string | null } {
  const none = { interactive: false, taskId: null };
  switch (msgtype) {
    case 'text':
    case 'markdown': {
      const c = obj(raw, msgtype).content;
      if (typeof c !== 'string' || c === '') throw new SimError(44004);
      return none;
    }
    case 'textcard': {
      const card = obj(raw, 'textcard');
      str(card, 'title', 'textcard');
      str(card, 'description', 'textcard');
      if (!hasScheme(str(card, 'url', 'textcard'))) throw invalidParam('textcard.url invalid');
      const btn = card.btntxt;
      if (typeof btn === 'string' && charLength(btn) > 4) throw invalidParam('textcard.btntxt exceed max length 4');
      return none;
    }
    case 'news': {
      if (raw.safe === 1) throw new SimError(40074);
      const articles = obj(raw, 'news').articles;
      if (!Array.isArray(articles) || articles.length === 0) throw invalidParam('missing news.articles');
      if (articles.length > 8) throw new SimError(45008);
      for (const a of articles) {
        if (!a || typeof a !== 'object' || Array.isArray(a)) throw invalidParam('news.articles invalid');
        str(a, 'title', 'articles');
        const url = a.url;
        const mini = typeof a.appid === 'string' && typeof a.pagepath === 'string';
        if (!mini && (typeof url !== 'string' || !hasScheme(url) || byteLength(url) > 2048)) throw invalidParam('articles.url invalid');
      }
      return none;
    }
    case 'mpnews':
      obj(raw, 'mpnews');
      return none;
    case 'image':
    case 'voice':
    case 'video':
    case 'file':
      media.get(str(obj(raw, msgtype), 'media_id', msgtype), nowMs);
      return none;
    case 'template_card': {
      const card = obj(raw, 'template_card');
      const type = str(card, 'card_type', 'template_card');
      if (!CARD_TYPES.has(type)) throw invalidParam('template_card.card_type invalid');
      const interactive = INTERACTIVE_CARDS.has(type);
      const taskId = typeof card.task_id === 'string' && card.task_id !== '' ? card.task_id : null;
      if (interactive && taskId === null) throw invalidParam('missing template_card.task_id');
      if (taskId !== null && (byteLength(taskId) > 128 || !/^[A-Za-z0-9_\-@]+$/.test(taskId))) throw invalidParam('template_card.task_id invalid');
      return { interactive, taskId };
    }
    default:
      throw new SimError(40008);
  }
}
