// F6.2 the WeCom callback protocol, transport-free: URL verification (GET echostr → plaintext), encrypted POSTs
// (signature before decryption, strict AES, ReceiveId = CorpID), retries de-duplicated, encrypted passive replies
// (F6.4). Everything needed for the answer is synchronous and cheap; routing (mirror updates, stored events,
// hooks, the inspector) runs right after the answer is sent, well inside WeCom's 5 s deadline.
import { performance } from 'node:perf_hooks';
import type { CallbackKind } from '../api/callback-contract';
import type { Clock } from '../core/types';
import type { Logger } from '../core/logger';
import type { CallbacksRepo, ResolvedTarget } from '../store/callbacks-repo';
import type { ReplyRulesRepo } from '../store/reply-rules-repo';
import { aesKeyOf, CallbackCryptoError, openMessage, sealReply, type CallbackKeys, type SignedQuery } from '../wecom/crypto';
import { cdata, parseXml, scalarFields, text, XmlRejected, type XmlNode } from '../listener/xml';
import type { CallbackInspector, LogInput } from './callback-inspector';
import { Deduper, dedupeKey } from './callback-dedupe';
import type { CallbackRouter } from './callback-router';
import { ruleMatches, type IncomingUserMessage } from './reply-rules';

export interface CallbackHttpRequest {
  kind: CallbackKind;
  refId: string;
  method: string;
  path: string;
  query: URLSearchParams;
  body: Buffer | null;
  source: string;
}

export interface CallbackHttpResponse {
  status: number;
  body: string;
  contentType: string;
}

/** Stable rejection codes (counted, shown in the inspector, never sent to the caller). */
export type RejectReason =
  | 'not_found' | 'not_configured' | 'method' | 'bad_query' | 'malformed' | 'signature' | 'decrypt' | 'receive_id'
  | 'malformed_message' | 'too_large' | 'timeout' | 'rate_limited' | 'client_error';

const STATUS_TEXT: Record<number, string> = { 400: 'bad request', 404: 'not found', 405: 'method not allowed', 408: 'request timeout', 413: 'payload too large', 429: 'too many requests' };
const TEXT = 'text/plain; charset=utf-8';
const XML = 'application/xml; charset=utf-8';

export const rejection = (status: number): CallbackHttpResponse => ({ status, body: STATUS_TEXT[status] ?? 'bad request', contentType: TEXT });

function signedQuery(q: URLSearchParams): SignedQuery | null {
  const sig = q.get('msg_signature');
  const timestamp = q.get('timestamp');
  const nonce = q.get('nonce');
  if (!sig || !/^[0-9a-fA-F]{40}$/.test(sig) || !timestamp || !/^\d{1,12}$/.test(timestamp) || !nonce || !/^[A-Za-z0-9_-]{1,64}$/.test(nonce)) return null;
  return { msg_signature: sig, timestamp, nonce };
}

// WeCom's envelope exactly as it posts it; anything else goes through the full parser. The classes exclude the
// delimiters, so matching is linear.
const CANONICAL_ENVELOPE =
  /^<xml>\s*(?:<ToUserName><!\[CDATA\[[A-Za-z0-9_-]{0,64}\]\]><\/ToUserName>\s*)?(?:<AgentID>(?:<!\[CDATA\[\d{0,12}\]\]>|\d{0,12})<\/AgentID>\s*)?<Encrypt><!\[CDATA\[([A-Za-z0-9+/=]+)\]\]><\/Encrypt>\s*<\/xml>$/;

/** The `Encrypt` value of an envelope: XML as WeCom posts it, or the JSON form some features use. */
function envelopeEncrypt(body: Buffer): string | null {
  const s = body.toString('utf8').trim();
  const fast = CANONICAL_ENVELOPE.exec(s);
  if (fast) return fast[1];
  if (s.startsWith('{')) {
    const j: unknown = JSON.parse(s);
    if (!j || typeof j !== 'object' || Array.isArray(j)) return null;
    const v = (j as Record<string, unknown>).encrypt ?? (j as Record<string, unknown>).Encrypt;
    return typeof v === 'string' ? v : null;
  }
  return text(parseXml(s), 'Encrypt');
}

export function createCallbackReceiver(deps: { targets: CallbacksRepo; rules: ReplyRulesRepo; router: CallbackRouter; inspector: CallbackInspector; clock: Clock; log?: Logger }) {
  const dedupe = new Deduper();
  const keyCache = new Map<string, Buffer>();
  const keysOf = (t: ResolvedTarget): CallbackKeys => {
    let key = keyCache.get(t.encodingAESKey);
    if (!key) {
      key = aesKeyOf(t.encodingAESKey);
      if (keyCache.size > 1024) keyCache.clear();
      keyCache.set(t.encodingAESKey, key);
    }
    return { token: t.token, key, receiveId: t.receiveId };
  };
  const nowSec = () => String(Math.floor(deps.clock.now().getTime() / 1000));
  // Work after the answer, drained once per turn of the event loop in one store transaction (a burst of contact
  // changes costs one commit, not one each).
  let queued: (() => void)[] = [];
  const drain = () => {
    const work = queued;
    queued = [];
    deps.router.batch(() => work.forEach((fn) => fn()));
  };
  const after = (fn: () => void) => {
    if (queued.push(fn) === 1) setImmediate(drain);
  };
  const base = (req: CallbackHttpRequest, t: ResolvedTarget | null): Omit<LogInput, 'outcome' | 'reason' | 'status' | 'ms'> => ({
    source: req.source, method: req.method, path: req.path, kind: t?.kind ?? req.kind, corpId: t?.corpId ?? null, appId: t?.appId ?? null,
    msgType: null, event: null, changeType: null, fromUser: null, replied: false,
  });

  function reject(req: CallbackHttpRequest, t: ResolvedTarget | null, reason: RejectReason, status: number, t0: number): CallbackHttpResponse {
    deps.inspector.record({ ...base(req, t), outcome: 'rejected', reason, status, ms: performance.now() - t0 });
    return rejection(status);
  }

  function cryptoReason(e: unknown): RejectReason {
    if (e instanceof CallbackCryptoError) return e.reason === 'signature' ? 'signature' : e.reason === 'receive_id' ? 'receive_id' : 'decrypt';
    return 'decrypt';
  }

  function replyFor(t: ResolvedTarget, f: Record<string, string>): string | null {
    if (t.kind !== 'app' || !t.replies || !t.appId || !f.FromUserName) return null;
    const type = (f.MsgType ?? '').toLowerCase();
    const msg: IncomingUserMessage | null = type === 'text' ? { kind: 'text', content: f.Content ?? '' } : type === 'image' ? { kind: 'image' } : null;
    // enabled() is already in priority order (smaller first, then older).
    const rule = msg ? (deps.rules.enabled(t.appId).find((r) => ruleMatches(r, msg)) ?? null) : null;
    if (!rule) return null;
    return (
      `<xml><ToUserName>${cdata(f.FromUserName)}</ToUserName><FromUserName>${cdata(t.receiveId)}</FromUserName>` +
      `<CreateTime>${nowSec()}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(rule.reply)}</Content></xml>`
    );
  }

  return {
    /** GET: WeCom checks the URL with an encrypted echostr and expects the plaintext back, fast. */
    verify(req: CallbackHttpRequest): CallbackHttpResponse {
      const t0 = performance.now();
      const t = deps.targets.resolve(req.kind, req.refId);
      if (!t) return reject(req, null, 'not_configured', 404, t0);
      const q = signedQuery(req.query);
      // URL-decoding turns a raw '+' of the base64 into a space; base64 never contains spaces.
      const echostr = req.query.get('echostr')?.replaceAll(' ', '+') ?? '';
      if (!q || !echostr || echostr.length > 4096) return reject(req, t, 'bad_query', 400, t0);
      let plain: string;
      try {
        plain = openMessage(keysOf(t), q, echostr);
      } catch (e) {
        return reject(req, t, cryptoReason(e), 400, t0);
      }
      const ms = performance.now() - t0;
      setImmediate(() => {
        deps.targets.markVerified(t.kind, t.refId, deps.clock.now().toISOString());
        deps.inspector.record({ ...base(req, t), outcome: 'verified', reason: null, status: 200, ms });
      });
      return { status: 200, body: plain, contentType: TEXT };
    },

    /** POST: a message or event; 200 with an empty body (or an encrypted passive reply) once accepted. */
    receive(req: CallbackHttpRequest): CallbackHttpResponse {
      const t0 = performance.now();
      const t = deps.targets.resolve(req.kind, req.refId);
      if (!t) return reject(req, null, 'not_configured', 404, t0);
      const q = signedQuery(req.query);
      if (!q) return reject(req, t, 'bad_query', 400, t0);
      let encrypt: string | null;
      try {
        encrypt = req.body && req.body.length ? envelopeEncrypt(req.body) : null;
      } catch {
        encrypt = null;
      }
      if (!encrypt) return reject(req, t, 'malformed', 400, t0);
      const keys = keysOf(t);
      let plain: string;
      try {
        plain = openMessage(keys, q, encrypt);
      } catch (e) {
        return reject(req, t, cryptoReason(e), 400, t0);
      }
      let msg: XmlNode;
      try {
        // Authenticated by the signature and the AES key: parsed without the (costly) well-formedness pass, still
        // refusing declarations and bounding size and depth.
        msg = parseXml(plain, { validate: false });
      } catch (e) {
        if (!(e instanceof XmlRejected)) deps.log?.warn({ err: e }, 'callback message parse failed');
        return reject(req, t, 'malformed_message', 400, t0);
      }
      const fields = scalarFields(msg);
      const key = dedupeKey(`${t.kind}:${t.refId}`, fields, plain);
      const now = deps.clock.now().getTime();
      const seen = dedupe.get(key, now);
      const reply = seen ? seen.reply : replyFor(t, fields);
      if (!seen) dedupe.remember(key, now, reply);
      const body = reply ? sealReply(keys, reply, nowSec()) : '';
      const ms = performance.now() - t0;
      const log: LogInput = {
        ...base(req, t), outcome: seen ? 'duplicate' : 'accepted', reason: null, status: 200, ms, replied: reply !== null, fields,
        msgType: fields.MsgType ?? null, event: fields.Event ?? null, changeType: fields.ChangeType ?? null, fromUser: fields.FromUserName ?? null,
      };
      after(() => {
        if (!seen) deps.router.route(t, msg, fields);
        deps.inspector.record(log);
      });
      return { status: 200, body, contentType: reply ? XML : TEXT };
    },

    /** Rejections decided before the receiver sees a body (size, time, rate, method, path). */
    reject(req: Omit<CallbackHttpRequest, 'kind' | 'refId'> & { kind: CallbackKind | null; refId: string | null }, reason: RejectReason, status: number): CallbackHttpResponse {
      const t0 = performance.now();
      deps.inspector.record({ source: req.source, method: req.method, path: req.path, kind: req.kind, corpId: null, appId: null, msgType: null, event: null, changeType: null, fromUser: null, replied: false, outcome: 'rejected', reason, status, ms: performance.now() - t0 });
      return rejection(status);
    },
  };
}

export type CallbackReceiver = ReturnType<typeof createCallbackReceiver>;
