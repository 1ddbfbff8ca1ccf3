import type { AppView } from '../api/schemas';
import type { SecretBox } from '../core/secret-box';
import type { Db } from './db';
import { newId } from './ids';

interface AppRow {
  id: string;
  corp_id: string;
  name: string;
  agentid: number;
  secret_enc: string;
  egress_ip: string | null;
  validated_at: string | null;
  validation_json: string | null;
  created_at: string;
  updated_at: string;
}

export interface AppRecord extends AppView {
  secretSealed: string;
}

function toRecord(r: AppRow): AppRecord {
  return {
    id: r.id,
    corpId: r.corp_id,
    name: r.name,
    agentid: r.agentid,
    egressIp: r.egress_ip,
    validatedAt: r.validated_at,
    validation: r.validation_json ? (JSON.parse(r.validation_json) as AppView['validation']) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    secretSealed: r.secret_enc,
  };
}

export function toAppView(a: AppRecord): AppView {
  const { secretSealed: _s, ...view } = a;
  return view;
}

export function createAppsRepo(db: Db, box: SecretBox) {
  const q = {
    all: db.prepare('SELECT * FROM apps ORDER BY created_at, id'),
    byCorp: db.prepare('SELECT * FROM apps WHERE corp_id = ? ORDER BY created_at, id'),
    get: db.prepare('SELECT * FROM apps WHERE id = ?'),
    byAgent: db.prepare('SELECT * FROM apps WHERE corp_id = ? AND agentid = ?'),
    insert: db.prepare(`INSERT INTO apps (id, corp_id, name, agentid, secret_enc, created_at, updated_at)
      VALUES (@id, @corpId, @name, @agentid, @secret, @now, @now)`),
    update: db.prepare(`UPDATE apps SET name=@name, agentid=@agentid, secret_enc=@secret, updated_at=@now,
      validated_at = CASE WHEN @resetValidation THEN NULL ELSE validated_at END,
      validation_json = CASE WHEN @resetValidation THEN NULL ELSE validation_json END WHERE id=@id`),
    validation: db.prepare('UPDATE apps SET validated_at=?, validation_json=?, egress_ip=COALESCE(?, egress_ip) WHERE id=?'),
    remove: db.prepare('DELETE FROM apps WHERE id = ?'),
  };
  return {
    list(corpId?: string): AppRecord[] {
      const rows = (corpId ? q.byCorp.all(corpId) : q.all.all()) as AppRow[];
      return rows.map(toRecord);
    },
    get(id: string): AppRecord | null {
      const r = q.get.get(id) as AppRow | undefined;
      return r ? toRecord(r) : null;
    },
    findByAgent(corpId: string, agentid: number): AppRecord | null {
      const r = q.byAgent.get(corpId, agentid) as AppRow | undefined;
      return r ? toRecord(r) : null;
    },
    create(v: { corpId: string; name: string; agentid: number; secret: string }, now: string): AppRecord {
      const id = newId('a');
      q.insert.run({ id, corpId: v.corpId, name: v.name, agentid: v.agentid, secret: box.seal(v.secret), now });
      return this.get(id)!;
    },
    update(id: string, v: { name: string; agentid: number; secret?: string }, now: string): AppRecord {
      const old = this.get(id)!;
      const changedCreds = v.secret !== undefined || v.agentid !== old.agentid;
      q.update.run({
        id,
        name: v.name,
        agentid: v.agentid,
        secret: v.secret === undefined ? old.secretSealed : box.seal(v.secret),
        now,
        resetValidation: changedCreds ? 1 : 0,
      });
      return this.get(id)!;
    },
    recordValidation(id: string, at: string, validation: NonNullable<AppView['validation']>, egressIp: string | null): void {
      q.validation.run(at, JSON.stringify(validation), egressIp, id);
    },
    remove(id: string): boolean {
      return q.remove.run(id).changes > 0;
    },
    openSecret(app: AppRecord): string {
      return box.open(app.secretSealed);
    },
  };
}

export type AppsRepo = ReturnType<typeof createAppsRepo>;
