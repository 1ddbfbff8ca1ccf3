// Contract → services. One line per method; validation happens in dispatch, not here.
import type { Method, Out, ParsedIn } from './contract';
import type { Services } from '../core/services';
import { notFound } from '../core/api-error';
import type { OaMappingInput } from '../org/oa-mapping';

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
    'oa.summary': () => s.oa.summary(),
    'oa.import': (i) => s.oa.import(i.files.map((f) => ({ name: f.name, data: Buffer.from(f.base64, 'base64') })), { mapping: i.mapping as OaMappingInput | null | undefined, dryRun: i.dryRun }),
    'oa.export': () => ({ name: 'oa-directory.xlsx', base64: s.oa.exportWorkbook().toString('base64') }),
    'jobs.get': (i) => s.jobs.get(i.jobId) ?? (() => { throw notFound('任务'); })(),
    'jobs.list': (i) => s.jobs.list(i.corpId),
    'jobs.cancel': (i) => s.jobs.cancel(i.jobId) ?? (() => { throw notFound('任务'); })(),
  };
}
