// PURE: the app-message types and WeCom's limits on them (wecom-api.md §3), checked before anything is sent —
// WeCom silently truncates an over-long text or description, and we would rather say so than deliver half a
// message. Also splits recipients into calls of ≤ 1000 users / 100 departments / 100 tags.
import { assertValid, checkBytes, chars } from './common';

export interface TextMessage {
  msgtype: 'text';
  text: { content: string };
}
export interface MarkdownMessage {
  msgtype: 'markdown';
  markdown: { content: string };
}
export interface TextCardMessage {
  msgtype: 'textcard';
  textcard: { title: string; description: string; url: string; btntxt?: string };
}
export interface NewsArticle {
  title: string;
  description?: string;
  url?: string;
  picurl?: string;
  /** appid + pagepath open a mini program instead of `url`. */
  appid?: string;
  pagepath?: string;
}
export interface NewsMessage {
  msgtype: 'news';
  news: { articles: NewsArticle[] };
}
export const TEMPLATE_CARD_TYPES = ['text_notice', 'news_notice', 'button_interaction', 'vote_interaction', 'multiple_interaction'] as const;
export type TemplateCardType = (typeof TEMPLATE_CARD_TYPES)[number];
/** The card body follows WeCom's template_card JSON; only the fields we check are typed. */
export interface TemplateCard {
  card_type: TemplateCardType;
  /** Unique per app, ≤ 128 bytes; required by interactive cards (it names the card in later updates). */
  task_id?: string;
  [field: string]: unknown;
}
export interface TemplateCardMessage {
  msgtype: 'template_card';
  template_card: TemplateCard;
}
export type MessageContent = TextMessage | MarkdownMessage | TextCardMessage | NewsMessage | TemplateCardMessage;

export interface Recipients {
  /** Userids, or '@all' for the app's whole visible range (departments and tags are then ignored by WeCom). */
  touser?: readonly string[] | '@all';
  toparty?: readonly (string | number)[];
  totag?: readonly (string | number)[];
}

export interface SendSettings {
  /** 1 = no sharing, watermarked (not for news). */
  safe?: 0 | 1;
  enable_duplicate_check?: 0 | 1;
  /** Seconds, ≤ 4 h (default 1800). */
  duplicate_check_interval?: number;
}

export const MESSAGE_LIMITS = {
  textBytes: 2048,
  markdownBytes: 2048,
  titleBytes: 128,
  descriptionBytes: 512,
  urlBytes: 2048,
  btntxtChars: 4,
  articlesMin: 1,
  articlesMax: 8,
  pagepathBytes: 128,
  taskIdBytes: 128,
  usersPerCall: 1000,
  partiesPerCall: 100,
  tagsPerCall: 100,
  duplicateIntervalMaxSec: 4 * 3600,
} as const;

const INTERACTIVE: readonly TemplateCardType[] = ['button_interaction', 'vote_interaction', 'multiple_interaction'];
const hasScheme = (url: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(url);

/** Every broken rule, in Chinese (empty = fine to send). */
export function messageProblems(m: MessageContent, settings: SendSettings = {}): string[] {
  const p: string[] = [];
  const L = MESSAGE_LIMITS;
  switch (m.msgtype) {
    case 'text':
      checkBytes(p, 'text.content', m.text.content, L.textBytes, true);
      break;
    case 'markdown':
      checkBytes(p, 'markdown.content', m.markdown.content, L.markdownBytes, true);
      break;
    case 'textcard': {
      const c = m.textcard;
      checkBytes(p, 'textcard.title', c.title, L.titleBytes, true);
      checkBytes(p, 'textcard.description', c.description, L.descriptionBytes, true);
      checkBytes(p, 'textcard.url', c.url, L.urlBytes, true);
      if (c.url && !hasScheme(c.url)) p.push('textcard.url 必须带协议头（如 https://）');
      if (c.btntxt !== undefined && chars(c.btntxt) > L.btntxtChars) p.push(`textcard.btntxt 为 ${chars(c.btntxt)} 个字，最多 ${L.btntxtChars} 个字`);
      break;
    }
    case 'news': {
      const a = m.news.articles;
      if (a.length < L.articlesMin || a.length > L.articlesMax) p.push(`news 需要 ${L.articlesMin}–${L.articlesMax} 条图文，当前 ${a.length} 条`);
      a.forEach((art, i) => {
        const f = `news.articles[${i}]`;
        checkBytes(p, `${f}.title`, art.title, L.titleBytes, true);
        checkBytes(p, `${f}.description`, art.description, L.descriptionBytes);
        checkBytes(p, `${f}.url`, art.url, L.urlBytes);
        checkBytes(p, `${f}.picurl`, art.picurl, L.urlBytes);
        checkBytes(p, `${f}.pagepath`, art.pagepath, L.pagepathBytes);
        const mini = Boolean(art.appid && art.pagepath);
        if (!art.url && !mini) p.push(`${f} 需要 url，或同时提供 appid 和 pagepath`);
        if (art.url && !hasScheme(art.url)) p.push(`${f}.url 必须带协议头（如 https://）`);
      });
      if (settings.safe === 1) p.push('图文消息（news）不支持保密消息 safe=1');
      break;
    }
    case 'template_card': {
      const c = m.template_card;
      if (!TEMPLATE_CARD_TYPES.includes(c.card_type)) p.push(`template_card.card_type 不支持：${String(c.card_type)}`);
      checkBytes(p, 'template_card.task_id', c.task_id, L.taskIdBytes, INTERACTIVE.includes(c.card_type));
      break;
    }
    default:
      p.push(`不支持的消息类型：${(m as { msgtype?: unknown }).msgtype as string}`);
  }
  const interval = settings.duplicate_check_interval;
  if (interval !== undefined && (!Number.isInteger(interval) || interval < 0 || interval > L.duplicateIntervalMaxSec)) {
    p.push(`duplicate_check_interval 须为 0–${L.duplicateIntervalMaxSec} 秒`);
  }
  return p;
}

export function assertValidMessage(m: MessageContent, settings: SendSettings = {}): void {
  assertValid('消息', messageProblems(m, settings));
}

/** One message/send call's recipients, in WeCom's "a|b" encoding. */
export interface SendBatch {
  touser?: string;
  toparty?: string;
  totag?: string;
}

function unique<T>(xs: readonly T[]): string[] {
  return [...new Set(xs.map((x) => String(x).trim()).filter((x) => x !== ''))];
}

function slices(xs: string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * Splits recipients into as few calls as WeCom allows: call i takes the i-th slice of users (≤ 1000), departments
 * (≤ 100) and tags (≤ 100). Duplicates are dropped. Throws when there is nobody to send to (82001).
 */
export function planSendBatches(to: Recipients): SendBatch[] {
  if (to.touser === '@all') return [{ touser: '@all' }];
  const users = slices(unique(to.touser ?? []), MESSAGE_LIMITS.usersPerCall);
  const parties = slices(unique(to.toparty ?? []), MESSAGE_LIMITS.partiesPerCall);
  const tags = slices(unique(to.totag ?? []), MESSAGE_LIMITS.tagsPerCall);
  const n = Math.max(users.length, parties.length, tags.length);
  assertValid('消息', n === 0 ? ['没有接收人：touser、toparty、totag 不能同时为空'] : []);
  const out: SendBatch[] = [];
  for (let i = 0; i < n; i++) {
    const b: SendBatch = {};
    if (users[i]) b.touser = users[i].join('|');
    if (parties[i]) b.toparty = parties[i].join('|');
    if (tags[i]) b.totag = tags[i].join('|');
    out.push(b);
  }
  return out;
}
