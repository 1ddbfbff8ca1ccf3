// Pure zod schemas shared by the core, the CLI and the renderer's forms: one definition of what is valid.
import { z } from 'zod';

export const PUBLIC_API_BASE = 'https://qyapi.weixin.qq.com';
export const PRIVATE_NEEDS_OWN_BASE = '私有化部署的企业微信需要修改API服务地址';

export const CorpKind = z.enum(['public', 'private', 'gov']);
export type CorpKind = z.infer<typeof CorpKind>;

/** CorpIDs are 1–64 letters and digits (`ww…`, legacy `wx…`). */
export const CorpIdField = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{1,64}$/, 'CorpID 只能是 1–64 位字母和数字（【我的企业】 → 企业ID）');

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname && !u.username && !u.password;
      } catch {
        return false;
      }
    }, `${what} 必须是 http:// 或 https:// 开头的完整地址`);

/** The API base as a corp's `--api-base` takes it: scheme, host, optional port and path, no /cgi-bin, no query. */
export const ApiBaseField = httpUrl('API服务地址')
  .refine((v) => !new URL(v).search && !new URL(v).hash, 'API服务地址不能带查询参数')
  .transform((v) => v.replace(/\/+$/, ''));

/** Path prefix of the WeCom endpoints; private deployments may not keep /cgi-bin (UNCONFIRMED), so it is configurable. */
export const ApiPrefixField = z
  .string()
  .trim()
  .regex(/^(\/[A-Za-z0-9._~-]+)*$/, 'API 路径前缀形如 /cgi-bin')
  .default('/cgi-bin');

export const ProxyUrlField = httpUrl('HTTP 代理');

export const CaPemField = z
  .string()
  .trim()
  .max(64 * 1024, 'CA 证书文件过大（上限 64 KB）')
  .refine((v) => /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(v), '不是 PEM 格式的 CA 证书');

export const SecretField = z.string().trim().min(1, 'Secret 不能为空').max(256, 'Secret 过长');

const corpFields = {
  name: z.string().trim().min(1, '企业名称必填').max(64, '企业名称最多 64 个字符'),
  corpid: CorpIdField,
  kind: CorpKind.default('public'),
  apiBase: ApiBaseField.default(PUBLIC_API_BASE),
  apiPrefix: ApiPrefixField,
  proxyUrl: ProxyUrlField.nullable().optional(),
  caPem: CaPemField.nullable().optional(),
};

function refuseDefaultBaseForPrivate(v: { kind?: CorpKind; apiBase?: string }, ctx: z.RefinementCtx): void {
  if ((v.kind === 'private' || v.kind === 'gov') && v.apiBase === PUBLIC_API_BASE) {
    ctx.addIssue({ code: 'custom', path: ['apiBase'], message: PRIVATE_NEEDS_OWN_BASE });
  }
}

export const CorpCreateInput = z
  .object({ ...corpFields, contactSecret: SecretField.optional(), customerSecret: SecretField.optional() })
  .superRefine(refuseDefaultBaseForPrivate);
export type CorpCreateInput = z.input<typeof CorpCreateInput>;

/** Secrets on update: absent = keep, null = clear, string = replace. */
export const CorpUpdateInput = z
  .object({
    corpId: z.string().min(1),
    name: corpFields.name.optional(),
    corpid: CorpIdField.optional(),
    kind: CorpKind.optional(),
    apiBase: ApiBaseField.optional(),
    apiPrefix: ApiPrefixField.optional(),
    proxyUrl: ProxyUrlField.nullable().optional(),
    caPem: CaPemField.nullable().optional(),
    contactSecret: SecretField.nullable().optional(),
    customerSecret: SecretField.nullable().optional(),
  })
  .strict();

export const CorpView = z.object({
  id: z.string(),
  name: z.string(),
  corpid: z.string(),
  kind: CorpKind,
  apiBase: z.string(),
  apiPrefix: z.string(),
  proxyUrl: z.string().nullable(),
  caPem: z.string().nullable(),
  hasContactSecret: z.boolean(),
  hasCustomerSecret: z.boolean(),
  contactEgressIp: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CorpView = z.infer<typeof CorpView>;

export const AgentIdField = z.coerce
  .number()
  .int('AgentID 是整数')
  .min(1, 'AgentID 是正整数')
  .max(2 ** 31 - 1, 'AgentID 超出范围');

export const AppCreateInput = z.object({
  corpId: z.string().min(1),
  name: z.string().trim().min(1, '应用名称必填').max(64, '应用名称最多 64 个字符'),
  agentid: AgentIdField,
  secret: SecretField,
});
export type AppCreateInput = z.input<typeof AppCreateInput>;

export const AppUpdateInput = z
  .object({
    appId: z.string().min(1),
    name: AppCreateInput.shape.name.optional(),
    agentid: AgentIdField.optional(),
    secret: SecretField.optional(),
  })
  .strict();

export const AppView = z.object({
  id: z.string(),
  corpId: z.string(),
  name: z.string(),
  agentid: z.number().int(),
  egressIp: z.string().nullable(),
  validatedAt: z.string().nullable(),
  validation: z
    .object({ ok: z.boolean(), agentName: z.string().nullable(), errcode: z.number().nullable(), message: z.string() })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AppView = z.infer<typeof AppView>;

/** Outcome of a WeCom call the admin asked for (test connection, validate app). */
export const WeComCheck = z.object({
  ok: z.boolean(),
  errcode: z.number().nullable(),
  message: z.string(),
  hint: z.string().nullable(),
  egressIp: z.string().nullable(),
  tookMs: z.number(),
  agentName: z.string().nullable().optional(),
});
export type WeComCheck = z.infer<typeof WeComCheck>;

export const ExternalAddressField = httpUrl('云桥对外域名')
  .refine((v) => {
    const u = new URL(v);
    return (u.pathname === '/' || u.pathname === '') && !u.search && !u.hash;
  }, '云桥对外域名只填协议、主机和端口，例如 https://bridge.example.com 或 http://10.1.2.3:8088')
  .transform((v) => v.replace(/\/+$/, ''));

export const AddressAffected = z.enum(['trustedDomain', 'ssoLinks', 'appHome', 'qrLogin', 'callbacks']);
export type AddressAffected = z.infer<typeof AddressAffected>;

export const AddressAssessment = z.object({
  url: z.string(),
  /** ok = save; confirm = saving needs explicit confirmation; warn = saved with a warning. */
  level: z.enum(['ok', 'confirm', 'warn']),
  reason: z.enum(['none', 'ipLiteral', 'privateAddress']),
  affected: z.array(AddressAffected),
  corpNames: z.array(z.string()),
});
export type AddressAssessment = z.infer<typeof AddressAssessment>;

export const BasicsView = z.object({
  externalAddress: z.string().nullable(),
  /** Base URL of the callback listener on this machine; used while the external address is unset. */
  listenerBase: z.string().nullable(),
  assessment: AddressAssessment.nullable(),
});
export type BasicsView = z.infer<typeof BasicsView>;

export const DiagStepName = z.enum(['dns', 'tcp', 'tls', 'gettoken', 'trustedIp', 'inbound']);
export const DiagStep = z.object({
  step: DiagStepName,
  status: z.enum(['ok', 'fail', 'skipped']),
  ms: z.number().nullable(),
  detail: z.string(),
});
export type DiagStep = z.infer<typeof DiagStep>;

export const DiagReport = z.object({
  corpId: z.string(),
  apiBase: z.string(),
  host: z.string(),
  steps: z.array(DiagStep),
  verdict: z.enum(['ok', 'network_fail', 'ip_not_trusted']),
  verdictText: z.string(),
  egressIp: z.string().nullable(),
  allowList: z.array(z.string()),
  manualChecks: z.array(z.string()),
});
export type DiagReport = z.infer<typeof DiagReport>;

export const JobStatus = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export const JobView = z.object({
  id: z.string(),
  kind: z.string(),
  corpId: z.string().nullable(),
  status: JobStatus,
  phase: z.string(),
  done: z.number(),
  total: z.number(),
  result: z.unknown().nullable(),
  /** `details` carries what the UI needs to explain a refusal in its own language (holds, stops, problems). */
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof JobView>;

export const AppInfo = z.object({
  version: z.string(),
  shell: z.enum(['electron', 'headless']),
  dataDir: z.string(),
  secretBox: z.enum(['safeStorage', 'keyFile']),
  corpCount: z.number(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const RowErrorView = z.object({ sheet: z.string(), row: z.number(), column: z.string().nullable(), reason: z.string() });
export const OaCountsView = z.object({ departments: z.number(), subcompanies: z.number(), users: z.number(), active: z.number(), departed: z.number() });

export const OaImportReport = z.object({
  ok: z.boolean(),
  applied: z.boolean(),
  errors: z.array(RowErrorView),
  counts: OaCountsView.nullable(),
});
export type OaImportReport = z.infer<typeof OaImportReport>;

/** The OA source in use and whether 【是否同步到OA】 can write to it (F4.3). */
export const OaSourceView = z.object({ kind: z.enum(['file', 'http']), url: z.string().nullable(), writeUrl: z.string().nullable(), canWrite: z.boolean() });
export type OaSourceView = z.infer<typeof OaSourceView>;

export const OaSummary = z.object({
  lastImport: z.object({ at: z.string(), actor: z.string(), source: z.string(), counts: OaCountsView }).nullable(),
  mapping: z.unknown().nullable(),
  source: OaSourceView,
});
export type OaSummary = z.infer<typeof OaSummary>;

/** A file sent from the UI: base64 so it survives JSON (IPC and HTTP alike). */
export const UploadedFile = z.object({
  name: z.string().min(1).max(255),
  base64: z.string().max(90 * 1024 * 1024, '文件过大'),
});
