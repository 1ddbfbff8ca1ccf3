// Callback settings per app (接收消息) and per corp (通讯录同步, 客户联系). Token and EncodingAESKey go in and
// out only through the secret box; the receiver's hot path reads one row per request (so a change made by
// another process, e.g. the CLI next to a running `serve`, applies at once) and opens each sealed value once.
import type { SecretBox } from '../core/secret-box';
import { cachedBy, sharedChangeStamp } from './callbacks-change-watch';
import type { Db } from './db';

export type CallbackKind = 'app' | 'contacts' | 'customer';

export interface CallbackTargetRecord {
  kind: CallbackKind;
  refId: string;
  corpId: string;
  appId: string | null;
  replies: boolean;
  verifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
  tokenSealed: string;
  aesKeySealed: string;
}

/** What the receiver needs for one request: the opened secrets and the CorpID (ReceiveId). */
export interface ResolvedTarget {
  kind: CallbackKind;
  refId: string;
  corpId: string;
  appId: string | null;
  agentid: number | null;
  receiveId: string;
  replies: boolean;
  token: string;
  encodingAESKey: string;
}

interface TargetRow {
  kind: CallbackKind;
  ref_id: string;
  corp_id: string;
  app_id: string | null;
  token_enc: string;
  aes_key_enc: string;
  replies: number;
  verified_at: string | null;
  created_at: string;
  updated_at: string;
}

const toRecord = (r: TargetRow): CallbackTargetRecord => ({
  kind: r.kind,
  refId: r.ref_id,
  corpId: r.corp_id,
  appId: r.app_id,
  replies: r.replies === 1,
  verifiedAt: r.verified_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  tokenSealed: r.token_enc,
  aesKeySealed: r.aes_key_enc,
});

const OPENED_CACHE_MAX = 4096;

export function createCallbacksRepo(db: Db, box: SecretBox) {
  const q = {
    get: db.prepare('SELECT * FROM callback_targets WHERE kind = ? AND ref_id = ?'),
    byCorp: db.prepare('SELECT * FROM callback_targets WHERE corp_id = ? ORDER BY kind, created_at'),
    resolve: db.prepare(`SELECT t.kind, t.ref_id, t.corp_id, t.app_id, t.token_enc, t.aes_key_enc, t.replies, c.corpid, a.agentid
      FROM callback_targets t JOIN corps c ON c.id = t.corp_id LEFT JOIN apps a ON a.id = t.app_id
      WHERE t.kind = ? AND t.ref_id = ?`),
    insert: db.prepare(`INSERT INTO callback_targets (kind, ref_id, corp_id, app_id, token_enc, aes_key_enc, replies, created_at, updated_at)
      VALUES (@kind, @refId, @corpId, @appId, @token, @aesKey, @replies, @now, @now)`),
    secrets: db.prepare('UPDATE callback_targets SET token_enc = ?, aes_key_enc = ?, verified_at = NULL, updated_at = ? WHERE kind = ? AND ref_id = ?'),
    replies: db.prepare('UPDATE callback_targets SET replies = ?, updated_at = ? WHERE kind = ? AND ref_id = ?'),
    verified: db.prepare('UPDATE callback_targets SET verified_at = ? WHERE kind = ? AND ref_id = ?'),
  };
  // sealed → plain; sealed values change whenever a secret changes, so entries never go stale.
  const opened = new Map<string, string>();
  const open = (sealed: string): string => {
    let plain = opened.get(sealed);
    if (plain === undefined) {
      plain = box.open(sealed);
      if (opened.size >= OPENED_CACHE_MAX) opened.clear();
      opened.set(sealed, plain);
    }
    return plain;
  };

  const stamp = sharedChangeStamp(db);
  const resolveCached = cachedBy(stamp, resolveUncached);

  return {
    get(kind: CallbackKind, refId: string): CallbackTargetRecord | null {
      const r = q.get.get(kind, refId) as TargetRow | undefined;
      return r ? toRecord(r) : null;
    },
    byCorp: (corpId: string): CallbackTargetRecord[] => (q.byCorp.all(corpId) as TargetRow[]).map(toRecord),
    create(v: { kind: CallbackKind; refId: string; corpId: string; appId: string | null; token: string; encodingAESKey: string }, now: string): CallbackTargetRecord {
      q.insert.run({ kind: v.kind, refId: v.refId, corpId: v.corpId, appId: v.appId, token: box.seal(v.token), aesKey: box.seal(v.encodingAESKey), replies: 0, now });
      stamp.bump();
      return this.get(v.kind, v.refId)!;
    },
    /** New Token/EncodingAESKey: the WeCom side must be saved (and verified) again. */
    setSecrets(kind: CallbackKind, refId: string, token: string, encodingAESKey: string, now: string): void {
      q.secrets.run(box.seal(token), box.seal(encodingAESKey), now, kind, refId);
      stamp.bump();
    },
    setReplies(kind: CallbackKind, refId: string, on: boolean, now: string): void {
      q.replies.run(on ? 1 : 0, now, kind, refId);
      stamp.bump();
    },
    markVerified: (kind: CallbackKind, refId: string, at: string) => void q.verified.run(at, kind, refId),
    openToken: (t: CallbackTargetRecord) => open(t.tokenSealed),
    openAesKey: (t: CallbackTargetRecord) => open(t.aesKeySealed),
    /** The hot path: cached until anything in the database changes; secrets opened once. */
    resolve: (kind: CallbackKind, refId: string): ResolvedTarget | null => resolveCached(`${kind}\u0000${refId}`),
  };

  function resolveUncached(key: string): ResolvedTarget | null {
    const [kind, refId] = key.split('\u0000');
    const r = q.resolve.get(kind, refId) as (TargetRow & { corpid: string; agentid: number | null }) | undefined;
    if (!r) return null;
    return {
      kind: r.kind,
      refId: r.ref_id,
      corpId: r.corp_id,
      appId: r.app_id,
      agentid: r.agentid,
      receiveId: r.corpid,
      replies: r.replies === 1,
      token: open(r.token_enc),
      encodingAESKey: open(r.aes_key_enc),
    };
  }
}

export type CallbacksRepo = ReturnType<typeof createCallbacksRepo>;
