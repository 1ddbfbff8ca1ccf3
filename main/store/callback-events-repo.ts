// Events kept for other features: template-card clicks (F3.3, the message-push work) and external-contact
// changes (F7.3, the customer feature). Bounded per corp and kind so a flood cannot fill the disk.
import type { StoredCallbackEvent } from '../api/callback-contract';
import type { Db } from './db';

export type StoredEventKind = StoredCallbackEvent['kind'];

interface EventRow {
  id: number;
  corp_id: string;
  app_id: string | null;
  kind: StoredEventKind;
  event: string;
  change_type: string | null;
  from_user: string | null;
  create_time: number | null;
  payload: string;
  received_at: string;
}

const KEEP_PER_KIND = 20_000;

export function createCallbackEventsRepo(db: Db) {
  const q = {
    insert: db.prepare(`INSERT INTO callback_events (corp_id, app_id, kind, event, change_type, from_user, create_time, payload, received_at)
      VALUES (@corpId, @appId, @kind, @event, @changeType, @fromUser, @createTime, @payload, @receivedAt)`),
    list: db.prepare('SELECT * FROM callback_events WHERE corp_id = ? ORDER BY id DESC LIMIT ?'),
    listKind: db.prepare('SELECT * FROM callback_events WHERE corp_id = ? AND kind = ? ORDER BY id DESC LIMIT ?'),
    prune: db.prepare(`DELETE FROM callback_events WHERE corp_id = ? AND kind = ? AND id <= (
      SELECT id FROM callback_events WHERE corp_id = ? AND kind = ? ORDER BY id DESC LIMIT 1 OFFSET ${KEEP_PER_KIND})`),
  };
  let inserts = 0;
  return {
    add(e: Omit<StoredCallbackEvent, 'id'>): number {
      const id = Number(
        q.insert.run({ corpId: e.corpId, appId: e.appId, kind: e.kind, event: e.event, changeType: e.changeType, fromUser: e.fromUser, createTime: e.createTime, payload: JSON.stringify(e.fields), receivedAt: e.receivedAt }).lastInsertRowid,
      );
      if (++inserts % 500 === 0) q.prune.run(e.corpId, e.kind, e.corpId, e.kind);
      return id;
    },
    list(corpId: string, kind: StoredEventKind | undefined, limit: number): StoredCallbackEvent[] {
      const rows = (kind ? q.listKind.all(corpId, kind, limit) : q.list.all(corpId, limit)) as EventRow[];
      return rows.map((r) => ({
        id: r.id,
        corpId: r.corp_id,
        appId: r.app_id,
        kind: r.kind,
        event: r.event,
        changeType: r.change_type,
        fromUser: r.from_user,
        createTime: r.create_time,
        fields: JSON.parse(r.payload) as Record<string, unknown>,
        receivedAt: r.received_at,
      }));
    },
  };
}

export type CallbackEventsRepo = ReturnType<typeof createCallbackEventsRepo>;
