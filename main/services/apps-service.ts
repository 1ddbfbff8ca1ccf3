// F2.1–F2.2: apps — name, AgentID, Secret; validation with gettoken + agent/get; the egress IP.
import { z } from 'zod';
import { AppCreateInput, AppUpdateInput, type AppView, type WeComCheck } from '../api/schemas';
import { ApiError, notFound } from '../core/api-error';
import type { Clock } from '../core/types';
import { toAppView, type AppRecord, type AppsRepo } from '../store/apps-repo';
import type { AuditRepo } from '../store/audit-repo';
import { probeEgressIp } from '../wecom/client';
import { checkFromError } from './check';
import type { CorpsService } from './corps-service';
import { endpointOf, type WeComClients } from './wecom-clients';

const AgentReply = z.object({ agentid: z.coerce.number(), name: z.string() });

export function createAppsService(deps: { apps: AppsRepo; corps: CorpsService; audit: AuditRepo; clients: WeComClients; clock: Clock }) {
  const { apps, audit, clock } = deps;
  const now = () => clock.now().toISOString();
  const mustGet = (id: string): AppRecord => apps.get(id) ?? (() => { throw notFound('应用'); })();

  function refuseDuplicateAgent(corpId: string, agentid: number, exceptId?: string) {
    const dup = apps.findByAgent(corpId, agentid);
    if (dup && dup.id !== exceptId) throw new ApiError('conflict', `AgentID ${agentid} 已由应用「${dup.name}」使用`);
  }

  return {
    list: (corpId?: string): AppView[] => {
      if (corpId) deps.corps.record(corpId);
      return apps.list(corpId).map(toAppView);
    },
    get: (id: string): AppView => toAppView(mustGet(id)),
    record: mustGet,

    create(input: z.output<typeof AppCreateInput>, actor = 'admin'): AppView {
      deps.corps.record(input.corpId);
      refuseDuplicateAgent(input.corpId, input.agentid);
      const a = apps.create(input, now());
      audit.record(now(), actor, 'app.create', a.corpId, { appId: a.id, name: a.name, agentid: a.agentid });
      return toAppView(a);
    },

    update(input: z.output<typeof AppUpdateInput>, actor = 'admin'): AppView {
      const old = mustGet(input.appId);
      const agentid = input.agentid ?? old.agentid;
      refuseDuplicateAgent(old.corpId, agentid, old.id);
      const a = apps.update(old.id, { name: input.name ?? old.name, agentid, secret: input.secret }, now());
      audit.record(now(), actor, 'app.update', a.corpId, { appId: a.id, fields: Object.keys(input).filter((k) => k !== 'appId') });
      return toAppView(a);
    },

    remove(id: string, actor = 'admin'): null {
      const a = mustGet(id);
      apps.remove(id);
      audit.record(now(), actor, 'app.remove', a.corpId, { appId: id, name: a.name });
      return null;
    },

    /** gettoken + agent/get (does the secret belong to this AgentID?), and the egress IP WeCom sees. */
    async validate(id: string): Promise<WeComCheck> {
      const app = mustGet(id);
      const corp = deps.corps.record(app.corpId);
      const client = deps.clients.forApp(corp, app);
      const t0 = Date.now();
      let check: WeComCheck;
      try {
        const agent = await client.get('agent/get', { agentid: app.agentid }, AgentReply);
        const egressIp = await probeEgressIp(endpointOf(corp));
        check = { ok: true, errcode: null, message: `校验通过：应用「${agent.name}」`, hint: null, egressIp, tookMs: Date.now() - t0, agentName: agent.name };
      } catch (e) {
        check = { ...checkFromError(e, Date.now() - t0), agentName: null };
      }
      apps.recordValidation(id, now(), { ok: check.ok, agentName: check.agentName ?? null, errcode: check.errcode, message: check.message }, check.egressIp);
      return check;
    },
  };
}

export type AppsService = ReturnType<typeof createAppsService>;
