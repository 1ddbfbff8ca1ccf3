// F1: corps — create, edit, remove, test connection (gettoken with a stored secret).
import { z } from 'zod';
import { CorpCreateInput, CorpUpdateInput, type CorpView, type WeComCheck } from '../api/schemas';
import { ApiError, notFound } from '../core/api-error';
import type { EventBus } from '../core/event-bus';
import type { Clock } from '../core/types';
import type { AuditRepo } from '../store/audit-repo';
import { toCorpView, type CorpFields, type CorpRecord, type CorpsRepo } from '../store/corps-repo';
import { probeEgressIp } from '../wecom/client';
import { checkFromError } from './check';
import { endpointOf, type WeComClients } from './wecom-clients';

export function createCorpsService(deps: { corps: CorpsRepo; audit: AuditRepo; clients: WeComClients; bus: EventBus; clock: Clock }) {
  const { corps, audit, bus, clock } = deps;
  const now = () => clock.now().toISOString();

  const mustGet = (id: string): CorpRecord => corps.get(id) ?? (() => { throw notFound('企业'); })();

  function refuseDuplicateCorpid(corpid: string, exceptId?: string) {
    const dup = corps.list().find((c) => c.corpid === corpid && c.id !== exceptId);
    if (dup) throw new ApiError('conflict', `CorpID ${corpid} 已由企业「${dup.name}」使用`);
  }

  return {
    list: (): CorpView[] => corps.list().map(toCorpView),
    get: (id: string): CorpView => toCorpView(mustGet(id)),
    record: mustGet,

    create(input: z.output<typeof CorpCreateInput>, actor = 'admin'): CorpView {
      refuseDuplicateCorpid(input.corpid);
      const fields: CorpFields = {
        name: input.name,
        corpid: input.corpid,
        kind: input.kind,
        apiBase: input.apiBase,
        apiPrefix: input.apiPrefix,
        proxyUrl: input.proxyUrl ?? null,
        caPem: input.caPem ?? null,
      };
      const c = corps.create(fields, { contactSecret: input.contactSecret, customerSecret: input.customerSecret }, now());
      audit.record(now(), actor, 'corp.create', c.id, { name: c.name, corpid: c.corpid, kind: c.kind, apiBase: c.apiBase });
      bus.emit('corps.changed', { corpId: c.id });
      return toCorpView(c);
    },

    update(input: z.output<typeof CorpUpdateInput>, actor = 'admin'): CorpView {
      const old = mustGet(input.corpId);
      const fields: CorpFields = {
        name: input.name ?? old.name,
        corpid: input.corpid ?? old.corpid,
        kind: input.kind ?? old.kind,
        apiBase: input.apiBase ?? old.apiBase,
        apiPrefix: input.apiPrefix ?? old.apiPrefix,
        proxyUrl: input.proxyUrl === undefined ? old.proxyUrl : input.proxyUrl,
        caPem: input.caPem === undefined ? old.caPem : input.caPem,
      };
      // The private-deployment rule applies to the merged record, not only to the fields sent.
      const merged = CorpCreateInput.safeParse({ ...fields, proxyUrl: fields.proxyUrl, caPem: fields.caPem });
      if (!merged.success) {
        const issue = merged.error.issues[0];
        throw new ApiError('invalid_input', issue?.message ?? '输入无效', { details: merged.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      }
      refuseDuplicateCorpid(fields.corpid, old.id);
      const c = corps.update(old.id, fields, { contactSecret: input.contactSecret, customerSecret: input.customerSecret }, now());
      const changed = Object.keys(input).filter((k) => k !== 'corpId');
      audit.record(now(), actor, 'corp.update', c.id, { fields: changed });
      bus.emit('corps.changed', { corpId: c.id });
      return toCorpView(c);
    },

    remove(id: string, actor = 'admin'): null {
      const c = mustGet(id);
      corps.remove(id);
      audit.record(now(), actor, 'corp.remove', id, { name: c.name, corpid: c.corpid });
      bus.emit('corps.changed', { corpId: id });
      return null;
    },

    /** F1.2: obtain an access token with the contact (or customer) secret. */
    async test(id: string, which: 'contact' | 'customer'): Promise<WeComCheck> {
      const corp = mustGet(id);
      const client = deps.clients.forCorpSecret(corp, which);
      const t0 = Date.now();
      let check: WeComCheck;
      try {
        await client.token();
        const egressIp = await probeEgressIp(endpointOf(corp));
        check = { ok: true, errcode: null, message: '连接成功：已获取 access_token', hint: null, egressIp, tookMs: Date.now() - t0 };
      } catch (e) {
        check = checkFromError(e, Date.now() - t0);
      }
      if (which === 'contact' && check.egressIp) corps.setContactEgressIp(id, check.egressIp);
      return check;
    },
  };
}

export type CorpsService = ReturnType<typeof createCorpsService>;
