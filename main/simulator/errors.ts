// WeCom errors as the simulator raises them. The errmsg text is WeCom's own English text where it has been observed
// (wecom-api.md §9 quotes), otherwise a plausible text in the same style; the trailer is the observed format
// `<text>, hint: [<id>], from ip: <ip>, more info at https://open.work.weixin.qq.com/devtool/query?e=<code>`.
import { randomInt } from 'node:crypto';

const TEXT: Record<number, string> = {
  [-1]: 'system busy',
  40001: 'invalid credential',
  40003: 'invalid userid',
  40004: 'invalid media type',
  40005: 'invalid file type',
  40006: 'invalid media size',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40016: 'invalid button size',
  40018: 'invalid button name size',
  40022: 'invalid sub button level',
  40023: 'invalid sub button size',
  40029: 'invalid code',
  40031: 'invalid userid list',
  40032: 'invalid userid list size',
  40035: 'invalid parameter',
  40054: 'invalid sub button url domain',
  40055: 'invalid button url domain',
  40056: 'invalid agentid',
  40057: 'invalid callback url',
  40058: 'invalid Request Parameter',
  40063: 'some parameters are empty',
  40074: 'news message can not be safe',
  40066: 'invalid department list',
  40088: 'invalid jobid',
  40089: 'job result purged',
  40096: 'invalid external userid',
  41001: 'access_token missing',
  41002: 'corpid missing',
  41004: 'corpsecret missing',
  41005: 'media data missing',
  42001: 'access_token expired',
  42052: 'msgid expired',
  44004: 'empty content',
  45001: 'media size out of limit',
  45004: 'invalid description size',
  45008: 'article size out of limit',
  45009: 'api freq out of limit',
  47001: 'data format error',
  45026: 'too many members would be deleted',
  46003: 'menu no exist',
  46004: 'user no exist',
  48002: 'api forbidden',
  60001: 'invalid department name length',
  60003: 'department not found',
  60004: 'parent department not found',
  60005: 'department contains user',
  60006: 'department contains sub-department',
  60007: 'not allow to delete root department',
  60008: 'department existed',
  60009: 'department name include invalid char',
  60010: 'department cycle',
  60011: 'no privilege to access/modify contact/party/agent',
  60020: 'not allow to access from your ip',
  60102: 'userid existed',
  60103: 'mobile invalid',
  60104: 'mobile existed',
  60105: 'email invalid',
  60106: 'email existed',
  60110: 'department size out of limit',
  60111: 'userid not found',
  60112: 'invalid username',
  60123: 'invalid party id',
  60124: 'invalid parent party id',
  60127: 'missing department',
  60129: 'mobile and email both empty',
  60132: 'is_leader_in_dept size not match department size',
  81002: 'department level too deep',
  81013: 'user & party & tag all invalid',
  82001: 'party, user, tag list all empty',
  82002: 'party list size out of limit',
  82003: 'tag list size out of limit',
  84061: 'not external contact',
  301002: 'not allow operate another agent with this accesstoken.',
  301005: 'not allow to delete creator',
  301023: 'invalid useridlist size',
  301024: 'invalid time range',
  301036: 'userid not allow to modify',
};

/** A WeCom error: `errcode` plus WeCom's text (or a more specific `detail`, like 40058's field messages). */
export class SimError extends Error {
  constructor(
    readonly errcode: number,
    readonly detail?: string,
    /** Extra reply fields WeCom sends along with the error (e.g. `invaliduser` with 81013). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? TEXT[errcode] ?? `errcode ${errcode}`);
  }
}

export function errText(errcode: number): string {
  return TEXT[errcode] ?? 'unknown error';
}

/** 40058 in WeCom's observed form: `<field> exceed max length N. invalid Request Parameter`. */
export function invalidParam(what: string): SimError {
  return new SimError(40058, `${what}. invalid Request Parameter`);
}

let hintSeq = 0;

/** Observed hints are 25 digits: epoch seconds then 15 more. */
export function hintId(nowMs: number): string {
  hintSeq = (hintSeq + 1) % 100_000;
  const tail = `${String(hintSeq).padStart(5, '0')}${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`;
  return `${Math.floor(nowMs / 1000)}${tail}`;
}

export function formatErrmsg(errcode: number, text: string, ip: string, nowMs: number): string {
  return `${text}, hint: [${hintId(nowMs)}], from ip: ${ip}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
}
