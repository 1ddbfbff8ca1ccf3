// The one API contract: every method the renderer (over IPC or HTTP) and the CLI can call.
// Handler map, preload allow-list, HTTP router and renderer client all derive from this table.
import { z } from 'zod';
import { callbackContract } from './callback-contract';
import { editContract } from './edit-contract';
import {
  AddressAssessment,
  AppCreateInput,
  AppInfo,
  AppUpdateInput,
  AppView,
  BasicsView,
  CorpCreateInput,
  CorpUpdateInput,
  CorpView,
  ExternalAddressField,
  JobView,
  OaImportReport,
  OaSummary,
  UploadedFile,
  WeComCheck,
} from './schemas';
import {
  BindImportReport,
  BindingView,
  BindMatchField,
  HistoryEntryView,
  MirrorDeptView,
  MirrorUserView,
  PlanSummaryView,
  PlanStopView,
  SimulateView,
  DiffTreeView,
  OaDeptView,
  OaUserView,
  PushStatusView,
} from './sync-schemas';

const corpRef = z.object({ corpId: z.string().min(1) });
const appRef = z.object({ appId: z.string().min(1) });
const jobRef = z.object({ jobId: z.string().min(1) });
const started = z.object({ jobId: z.string() });

export const contract = {
  'app.info': { input: z.object({}), output: AppInfo },

  'basics.get': { input: z.object({}), output: BasicsView },
  'basics.assessAddress': { input: z.object({ url: ExternalAddressField }), output: AddressAssessment },
  'basics.setAddress': {
    input: z.object({ url: ExternalAddressField.nullable(), force: z.boolean().default(false) }),
    output: BasicsView,
  },

  'corps.list': { input: z.object({}), output: z.array(CorpView) },
  'corps.get': { input: corpRef, output: CorpView },
  'corps.create': { input: CorpCreateInput, output: CorpView },
  'corps.update': { input: CorpUpdateInput, output: CorpView },
  'corps.remove': { input: corpRef, output: z.null() },
  'corps.test': {
    input: corpRef.extend({ secret: z.enum(['contact', 'customer']).default('contact') }),
    output: WeComCheck,
  },

  'apps.list': { input: z.object({ corpId: z.string().optional() }), output: z.array(AppView) },
  'apps.get': { input: appRef, output: AppView },
  'apps.create': { input: AppCreateInput, output: AppView },
  'apps.update': { input: AppUpdateInput, output: AppView },
  'apps.remove': { input: appRef, output: z.null() },
  'apps.validate': { input: appRef, output: WeComCheck },

  'diag.start': { input: corpRef, output: started },

  'demo.status': { input: z.object({}), output: z.object({ offered: z.boolean(), running: z.boolean(), corpId: z.string().nullable(), simulatorUrl: z.string().nullable() }) },
  'demo.start': { input: z.object({}), output: z.object({ corpId: z.string(), created: z.boolean() }) },

  'oa.summary': { input: z.object({}), output: OaSummary },
  'oa.import': {
    input: z.object({ files: z.array(UploadedFile).min(1).max(2), mapping: z.unknown().nullable().optional(), dryRun: z.boolean().default(false) }),
    output: OaImportReport,
    bodyLimit: 96 * 1024 * 1024,
  },
  'oa.export': { input: z.object({}), output: z.object({ name: z.string(), base64: z.string() }) },

  'sync.config.get': { input: corpRef.extend({ key: z.string().optional() }), output: z.record(z.string(), z.unknown()) },
  'sync.config.set': { input: corpRef.extend({ key: z.string().min(1), value: z.string() }), output: z.record(z.string(), z.unknown()) },
  'sync.state': {
    input: corpRef,
    output: z.object({
      pulledAt: z.string().nullable(),
      pullComplete: z.boolean(),
      pullError: z.string().nullable(),
      departments: z.number(),
      users: z.number(),
      bound: z.number(),
    }),
  },
  'sync.pull': { input: corpRef, output: started },
  'sync.schedule': { input: corpRef, output: z.array(z.object({ kind: z.enum(['pull', 'push']), cron: z.string().nullable(), next: z.array(z.string()) })) },
  'sync.simulate': { input: corpRef, output: SimulateView },
  'sync.push': {
    input: corpRef.extend({ hash: z.string().min(1), confirm: z.number().int().min(0).optional(), approveHeld: z.boolean().default(false) }),
    output: started,
  },
  'sync.plan': { input: corpRef.extend({ hash: z.string().min(1) }), output: z.object({ summary: PlanSummaryView, stop: PlanStopView.nullable(), ops: z.array(z.record(z.string(), z.unknown())), deptStatus: z.record(z.string(), z.string()) }) },

  'mirror.depts': { input: corpRef, output: z.array(MirrorDeptView) },
  'mirror.users': {
    input: corpRef.extend({ dept: z.number().int().optional(), search: z.string().optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.object({ total: z.number(), users: z.array(MirrorUserView) }),
  },

  'bindings.list': { input: corpRef, output: z.array(BindingView) },
  'bindings.bind': { input: corpRef.extend({ userid: z.string().min(1), oaUserId: z.string().min(1) }), output: BindingView },
  'bindings.remove': { input: corpRef.extend({ userid: z.string().min(1) }), output: z.null() },
  'bindings.removeAll': { input: corpRef.extend({ confirm: z.number().int().optional() }), output: z.object({ removed: z.number() }) },
  'bindings.export': { input: corpRef, output: z.object({ name: z.string(), base64: z.string() }) },
  'bindings.import': {
    input: corpRef.extend({ file: UploadedFile, field: BindMatchField, overwrite: z.boolean().default(false), dryRun: z.boolean().default(false) }),
    output: BindImportReport,
    bodyLimit: 96 * 1024 * 1024,
  },

  'history.list': { input: z.object({ corpId: z.string().optional(), limit: z.number().int().min(1).max(1000).default(50) }), output: z.array(HistoryEntryView) },

  'jobs.get': { input: jobRef, output: JobView },
  'jobs.list': { input: z.object({ corpId: z.string().optional() }), output: z.array(JobView) },
  'jobs.cancel': { input: jobRef, output: JobView },

  // Contacts screens (F4.6, F4.10, F4.12, F4.15).
  'sync.diffTree': { input: corpRef.extend({ hash: z.string().min(1) }), output: DiffTreeView },
  'sync.pushStatus': { input: corpRef.extend({ hash: z.string().min(1) }), output: PushStatusView },
  'oa.depts': { input: z.object({}), output: z.array(OaDeptView) },
  'oa.users': {
    input: z.object({ corpId: z.string().optional(), search: z.string().optional(), ids: z.array(z.string()).max(1000).optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(20) }),
    output: z.object({ total: z.number(), users: z.array(OaUserView) }),
  },
  ...callbackContract,
  ...editContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type In<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedIn<M extends Method> = z.output<Contract[M]['input']>;
export type Out<M extends Method> = z.output<Contract[M]['output']>;

export const methods = Object.keys(contract) as Method[];

/** Bodies are capped at 2 MB except for methods that carry files. */
export function bodyLimitOf(method: Method): number {
  const spec = contract[method] as { bodyLimit?: number };
  return spec.bodyLimit ?? 2 * 1024 * 1024;
}

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Errors cross the boundary as values; codes are stable, messages are for people. */
export const ApiErrorShape = z
  .object({
    code: z.string(),
    message: z.string(),
    errcode: z.number().optional(),
    hint: z.string().optional(),
    details: z.unknown().optional(),
  })
  // Some errors name more (the root-name stop: oaRoot, wecomRoot, setting).
  .catchall(z.unknown());
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };
