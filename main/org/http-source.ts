// F4.9 JSON-over-HTTP OA source: GET a JSON document {departments: [...], users: [...]} (property names
// configurable), mapped field by field like the workbook, and validated row by row by the same code; and
// F4.3's optional write endpoint, which receives the WeCom side's changes as one JSON change list.
import * as XLSX from 'xlsx';
import { request } from 'undici';
import { z } from 'zod';
import { OaMapping, type OaMappingInput } from './oa-mapping';
import { parseOaWorkbook, type ParseResult } from './oa-workbook';

export const HttpSourceConfig = z.object({
  url: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\//.test(v), '地址必须以 http:// 或 https:// 开头'),
  /** JSON property names of the two arrays. */
  departmentsKey: z.string().min(1).default('departments'),
  usersKey: z.string().min(1).default('users'),
  mapping: z.unknown().optional(),
  timeoutMs: z.number().int().min(1000).max(120_000).default(30_000),
  /** F4.3 optional write endpoint: 【是否同步到OA】 POSTs the mirror's changes here. */
  writeUrl: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\//.test(v), '写入地址必须以 http:// 或 https:// 开头')
    .optional(),
});
export type HttpSourceConfig = z.output<typeof HttpSourceConfig>;

const MAX_BYTES = 200 * 1024 * 1024;
const Doc = z.record(z.string(), z.unknown());
const Rows = z.array(z.record(z.string(), z.unknown()), { error: '应为对象数组' });

function cell(v: unknown): string | number {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(String).join(',');
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** JSON arrays → a workbook the workbook parser reads (headers = the union of the objects' keys). */
export function jsonToWorkbook(departments: Record<string, unknown>[], users: Record<string, unknown>[]): XLSX.WorkBook {
  const sheet = (rows: Record<string, unknown>[]) => {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return XLSX.utils.aoa_to_sheet([keys, ...rows.map((r) => keys.map((k) => cell(r[k])))]);
  };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet(departments), 'departments');
  XLSX.utils.book_append_sheet(wb, sheet(users), 'users');
  return wb;
}

export function parseOaJson(body: unknown, cfg: Pick<HttpSourceConfig, 'departmentsKey' | 'usersKey'>, mapping: OaMappingInput = {}): ParseResult {
  const fail = (reason: string): ParseResult => ({ ok: false, errors: [{ sheet: 'json', row: 0, column: null, reason }] });
  const doc = Doc.safeParse(body);
  if (!doc.success) return fail('返回的 JSON 不是对象');
  const depts = Rows.safeParse(doc.data[cfg.departmentsKey]);
  const users = Rows.safeParse(doc.data[cfg.usersKey]);
  if (!depts.success) return fail(`「${cfg.departmentsKey}」缺失或不是对象数组`);
  if (!users.success) return fail(`「${cfg.usersKey}」缺失或不是对象数组`);
  let m: OaMapping;
  try {
    m = OaMapping.parse(mapping);
  } catch (e) {
    return fail(`字段映射无效：${e instanceof Error ? e.message : String(e)}`);
  }
  return parseOaWorkbook(jsonToWorkbook(depts.data, users.data), { ...m, sheets: { departments: ['departments'], users: ['users'] } });
}

/** Fetches and parses; transport problems become one clear error row, never a partial directory. */
export async function fetchOaHttp(cfg: HttpSourceConfig, token: string | null): Promise<ParseResult> {
  const fail = (reason: string): ParseResult => ({ ok: false, errors: [{ sheet: 'http', row: 0, column: null, reason }] });
  let res;
  try {
    res = await request(cfg.url, { method: 'GET', headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, headersTimeout: cfg.timeoutMs, bodyTimeout: cfg.timeoutMs });
  } catch (e) {
    return fail(`无法连接 OA 接口：${(e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e))}`);
  }
  if (res.statusCode !== 200) {
    await res.body.dump();
    return fail(`OA 接口返回 HTTP ${res.statusCode}`);
  }
  const declared = Number(res.headers['content-length'] ?? 0);
  if (declared > MAX_BYTES) {
    await res.body.dump();
    return fail('OA 接口返回的数据过大');
  }
  let text = '';
  try {
    for await (const chunk of res.body) {
      text += chunk;
      if (text.length > MAX_BYTES) return fail('OA 接口返回的数据过大');
    }
  } catch {
    return fail('读取 OA 接口返回时连接中断');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('OA 接口返回的不是有效的 JSON');
  }
  return parseOaJson(json, cfg, (cfg.mapping ?? {}) as OaMappingInput);
}

/**
 * F4.3: POSTs a change list `{corpId, at, changes: [...]}` to the write endpoint. Resolves with the number of
 * changes sent; a refusal or an unreachable endpoint is an error naming the status, never the token.
 */
export async function postOaChanges(cfg: HttpSourceConfig, token: string | null, body: { corpId: string; at: string; changes: unknown[] }): Promise<number> {
  if (!cfg.writeUrl) throw new Error('OA 来源没有写入地址');
  let res;
  try {
    res = await request(cfg.writeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      headersTimeout: cfg.timeoutMs,
      bodyTimeout: cfg.timeoutMs,
    });
  } catch (e) {
    throw new Error(`无法连接 OA 写入接口：${(e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e))}`);
  }
  await res.body.dump();
  if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`OA 写入接口返回 HTTP ${res.statusCode}`);
  return body.changes.length;
}
