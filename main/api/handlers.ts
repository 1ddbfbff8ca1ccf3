// Contract → services. One line per method; validation happens in dispatch, not here.
import type { Method, Out, ParsedIn } from './contract';
import type { Services } from '../core/services';
import { createCallbackHandlers } from './callback-handlers';
import { createEditHandlers } from './edit-handlers';
import { notFound } from '../core/api-error';
import type { OaMappingInput } from '../org/oa-mapping';
import type { Plan } from '../sync/plan-types';
import { targetOf } from '../sync/apply';

type Handlers = { [M in Method]: (input: ParsedIn<M>) => Promise<Out<M>> | Out<M> };

export function createHandlers(s: Services): Handlers {
  return {
    ...createCallbackHandlers(s),
    ...createEditHandlers(s),
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
    'sync.schedule': (i) => s.scheduler.view(s.corps.record(i.corpId).id),
    'sync.simulate': async (i) => {
      const p = await s.sync.simulate(s.corps.record(i.corpId).id);
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
    'sync.diffTree': (i) => s.sync.diffTree(s.corps.record(i.corpId).id, i.hash),
    'sync.pushStatus': (i) => pushStatus(s, s.corps.record(i.corpId).id, i.hash),
    'oa.depts': () => s.oa.directory().departments.map((d) => ({ id: d.id, name: d.name, parentId: d.parentId, type: d.type })),
    'oa.users': (i) => oaUsers(s, i),
  };
}

/** A push's journal so far: the UI polls it during the apply for the errors (events carry only counts). */
function pushStatus(s: Services, corpId: string, hash: string): Out<'sync.pushStatus'> {
  const run = s.runs.lastPushFor(corpId, hash);
  if (!run) return { run: null, status: null, total: 0, done: 0, failed: [], held: 0, pending: 0 };
  const entries = s.runs.entries(run.id);
  const n = (st: string) => entries.filter((e) => e.status === st).length;
  const failed = entries.filter((e) => e.status === 'failed').map((e) => ({ op: e.op.kind, target: targetOf(e.op), errcode: e.errcode, message: e.message ?? '' }));
  return { run: run.id, status: run.status, total: entries.length, done: n('done'), failed, held: n('held'), pending: n('pending') + n('started') };
}

/** OA users for the bind picker, the scope lists and the user card: search by id, name, 登录名, mobile, email. */
function oaUsers(s: Services, i: ParsedIn<'oa.users'>): Out<'oa.users'> {
  const dir = s.oa.directory();
  const deptName = new Map(dir.departments.map((d) => [d.id, d.name]));
  const bound = new Map(i.corpId ? s.mirror.bindings(s.corps.record(i.corpId).id).map((b) => [b.oaUserId, b.wxUserid]) : []);
  const q = i.search?.trim().toLowerCase() ?? '';
  const ids = i.ids ? new Set(i.ids) : null;
  const hit = dir.users.filter((u) => (!ids || ids.has(u.id)) && (!q || [u.id, u.name, u.loginid, u.workcode, u.mobile, u.email].some((v) => v?.toLowerCase().includes(q))));
  return {
    total: hit.length,
    users: hit.slice(i.offset, i.offset + i.limit).map((u) => ({
      id: u.id, workcode: u.workcode, loginid: u.loginid, name: u.name, mobile: u.mobile, email: u.email, position: u.position,
      department: u.department, departmentName: deptName.get(u.department) ?? null, partTimeDepartments: u.partTimeDepartments, status: u.status, boundTo: bound.get(u.id) ?? null,
    })),
  };
}
