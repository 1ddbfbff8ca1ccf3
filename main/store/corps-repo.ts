import type { CorpKind, CorpView } from '../api/schemas';
import type { SecretBox } from '../core/secret-box';
import type { Db } from './db';
import { newId } from './ids';

interface CorpRow {
  id: string;
  name: string;
  corpid: string;
  kind: CorpKind;
  api_base: string;
  api_prefix: string;
  proxy_url: string | null;
  ca_pem: string | null;
  contact_secret_enc: string | null;
  customer_secret_enc: string | null;
  contact_egress_ip: string | null;
  created_at: string;
  updated_at: string;
}

export interface CorpRecord extends CorpView {
  contactSecretSealed: string | null;
  customerSecretSealed: string | null;
}

export interface CorpFields {
  name: string;
  corpid: string;
  kind: CorpKind;
  apiBase: string;
  apiPrefix: string;
  proxyUrl: string | null;
  caPem: string | null;
}

/** Secrets: undefined = keep, null = clear, string = replace (sealed here, never stored in clear). */
export interface CorpSecretsChange {
  contactSecret?: string | null;
  customerSecret?: string | null;
}

function toRecord(r: CorpRow): CorpRecord {
  return {
    id: r.id,
    name: r.name,
    corpid: r.corpid,
    kind: r.kind,
    apiBase: r.api_base,
    apiPrefix: r.api_prefix,
    proxyUrl: r.proxy_url,
    caPem: r.ca_pem,
    hasContactSecret: r.contact_secret_enc !== null,
    hasCustomerSecret: r.customer_secret_enc !== null,
    contactEgressIp: r.contact_egress_ip,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    contactSecretSealed: r.contact_secret_enc,
    customerSecretSealed: r.customer_secret_enc,
  };
}

export function toCorpView(c: CorpRecord): CorpView {
  const { contactSecretSealed: _a, customerSecretSealed: _b, ...view } = c;
  return view;
}

export function createCorpsRepo(db: Db, box: SecretBox) {
  const q = {
    all: db.prepare('SELECT * FROM corps ORDER BY created_at, id'),
    get: db.prepare('SELECT * FROM corps WHERE id = ?'),
    insert: db.prepare(`INSERT INTO corps (id, name, corpid, kind, api_base, api_prefix, proxy_url, ca_pem,
      contact_secret_enc, customer_secret_enc, created_at, updated_at)
      VALUES (@id, @name, @corpid, @kind, @apiBase, @apiPrefix, @proxyUrl, @caPem, @contact, @customer, @now, @now)`),
    update: db.prepare(`UPDATE corps SET name=@name, corpid=@corpid, kind=@kind, api_base=@apiBase, api_prefix=@apiPrefix,
      proxy_url=@proxyUrl, ca_pem=@caPem, contact_secret_enc=@contact, customer_secret_enc=@customer, updated_at=@now WHERE id=@id`),
    setEgress: db.prepare('UPDATE corps SET contact_egress_ip = ? WHERE id = ?'),
    remove: db.prepare('DELETE FROM corps WHERE id = ?'),
    count: db.prepare('SELECT COUNT(*) AS n FROM corps'),
  };
  const seal = (v: string | null | undefined, old: string | null): string | null =>
    v === undefined ? old : v === null ? null : box.seal(v);

  return {
    list(): CorpRecord[] {
      return (q.all.all() as CorpRow[]).map(toRecord);
    },
    get(id: string): CorpRecord | null {
      const r = q.get.get(id) as CorpRow | undefined;
      return r ? toRecord(r) : null;
    },
    count(): number {
      return (q.count.get() as { n: number }).n;
    },
    create(fields: CorpFields, secrets: CorpSecretsChange, now: string): CorpRecord {
      const id = newId('c');
      q.insert.run({ id, ...fields, contact: seal(secrets.contactSecret, null), customer: seal(secrets.customerSecret, null), now });
      return this.get(id)!;
    },
    update(id: string, fields: CorpFields, secrets: CorpSecretsChange, now: string): CorpRecord {
      const old = this.get(id)!;
      q.update.run({
        id,
        ...fields,
        contact: seal(secrets.contactSecret, old.contactSecretSealed),
        customer: seal(secrets.customerSecret, old.customerSecretSealed),
        now,
      });
      return this.get(id)!;
    },
    setContactEgressIp(id: string, ip: string | null): void {
      q.setEgress.run(ip, id);
    },
    remove(id: string): boolean {
      return q.remove.run(id).changes > 0;
    },
    /** The clear secret, only for a WeCom call; never logged or returned over the API. */
    openSecret(corp: CorpRecord, which: 'contact' | 'customer'): string | null {
      const sealed = which === 'contact' ? corp.contactSecretSealed : corp.customerSecretSealed;
      return sealed === null ? null : box.open(sealed);
    },
  };
}

export type CorpsRepo = ReturnType<typeof createCorpsRepo>;
