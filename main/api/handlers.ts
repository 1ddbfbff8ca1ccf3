// Contract → services. One line per method; validation happens in dispatch, not here.
import type { Method, Out, ParsedIn } from './contract';
import type { Services } from '../core/services';
import { notFound } from '../core/api-error';
import type { OaMappingInput } from '../org/oa-mapping';
import type { Plan } from '../sync/plan-types';

type Handlers = { [M in Method]: (input: ParsedIn<M>) => Promise<Out<M>> | Out<M> };

export function createHandlers(s: Services): Handlers {
  return {
    'app.info': () => s.info(),
    'basics.get': () => s.basics.get(),
    'basics.assessAddress': (i) => s.basics.assess(i.url),
    'basics.setAddress': (i) => s.basics.set(i.url, i.force),
    'corps.list': () => s.corps.list(),
    'corps.get': (i) => s.corps.get(i.corpId),
    'corps.create': (i) => s.corps.create(i),
    'corps.update': (i) => s.corps.update(i),
    'corps.remove': (i) => s.corps.remove(i.corpId),
    'corps.test': (i) => s.corps.test(i.corpId, i.secret),
    'apps.list': (i) => s.apps.list(i.corpId),
    'apps.get': (i) => s.apps.get(i.appId),
    'apps.create': (i) => s.apps.create(i),
    'apps.update': (i) => s.apps.update(i),
    'apps.remove': (i) => s.apps.remove(i.appId),
    'apps.validate': (i) => s.apps.validate(i.appId),
    'diag.start': (i) => ({ jobId: s.startDiagnostics(i.corpId) }),
    'demo.status': () => s.demo.status(),
    'demo.start': () => s.demo.start(),
    'oa.summary': () => s.oa.summary(),
    'oa.import': (i) => s.oa.import(i.files.map((f) => ({ name: f.name, data: Buffer.from(f.base64, 'base64') })), { mapping: i.mapping as OaMappingInput | null | undefined, dryRun: i.dryRun }),
    'oa.export': () => ({ name: 'oa-directory.xlsx', base64: s.oa.exportWorkbook().toString('base64') }),
    'sync.config.get': (i) => s.syncSettings.get(i.corpId, i.key),
    'sync.config.set': (i) => s.syncSettings.set(i.corpId, i.key, i.value),
    'sync.state': (i) => {
      const st = s.mirror.state(s.corps.record(i.corpId).id);
      const c = s.mirror.counts(i.corpId);
      return { pulledAt: st.pulledAt, pullComplete: st.pullComplete, pullError: st.pullError, departments: c.depts, users: c.users, bound: c.bound };
    },
    'sync.pull': (i) => ({ jobId: s.startPull(i.corpId) }),
    'sync.simulate': (i) => {
      const p = s.sync.simulate(s.corps.record(i.corpId).id);
      return { summary: p.summary, stop: p.stop };
    },
    'sync.push': (i) => ({ jobId: s.startPush(i.corpId, i) }),
    'sync.plan': (i) => {
      const p = s.runs.getPlan<Plan>(i.corpId, i.hash) ?? (() => { throw notFound('计划'); })();
      return { summary: p.summary, stop: p.stop, ops: p.ops as unknown as Record<string, unknown>[], deptStatus: p.deptStatus };
    },
    'mirror.depts': (i) => {
      const links = new Map(s.mirror.links(i.corpId).map((l) => [l.wxDeptId, l.oaDeptId]));
      return s.mirror.load(s.corps.record(i.corpId).id).departments.map((d) => ({ ...d, linkedTo: links.get(d.id) ?? null }));
    },
    'mirror.users': (i) => {
      const page = s.mirror.page(s.corps.record(i.corpId).id, i);
      return {
        total: page.total,
        users: page.users.map((u) => {
          const b = s.mirror.bindingByWx(i.corpId, u.userid);
          return { ...u, boundTo: b?.oaUserId ?? null, bindingSource: b?.source ?? null, boundAt: b?.boundAt ?? null, disabledAt: b?.disabledAt ?? null };
        }),
      };
    },
    'bindings.list': (i) => s.bindings.list(s.corps.record(i.corpId).id),
    'bindings.bind': (i) => s.bindings.bind(s.corps.record(i.corpId).id, i.userid, i.oaUserId),
    'bindings.remove': (i) => (s.bindings.remove(s.corps.record(i.corpId).id, i.userid), null),
    'bindings.removeAll': (i) => ({ removed: s.bindings.removeAll(s.corps.record(i.corpId).id, i.confirm) }),
    'bindings.export': (i) => ({ name: 'bindings.xlsx', base64: s.bindings.exportWorkbook(s.corps.record(i.corpId).id).toString('base64') }),
    'bindings.import': (i) => s.bindings.import(s.corps.record(i.corpId).id, { name: i.file.name, data: Buffer.from(i.file.base64, 'base64') }, i.field, i),
    'history.list': (i) => s.runs.history(i.corpId ?? null, i.limit),
    'jobs.get': (i) => s.jobs.get(i.jobId) ?? (() => { throw notFound('任务'); })(),
    'jobs.list': (i) => s.jobs.list(i.corpId),
    'jobs.cancel': (i) => s.jobs.cancel(i.jobId) ?? (() => { throw notFound('任务'); })(),
  };
}
