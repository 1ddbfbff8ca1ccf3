// F4.9 (file source): import the OA directory from a workbook or a CSV pair; all or nothing.
import type { OaImportReport, OaSourceView, OaSummary } from '../api/schemas';
import type { Clock } from '../core/types';
import { countDirectory, type OaDirectory } from '../org/oa-model';
import { oaDirectoryToWorkbook, parseOaFiles, type InputFile } from '../org/oa-files';
import type { OaMappingInput } from '../org/oa-mapping';
import type { AuditRepo } from '../store/audit-repo';
import type { OaRepo } from '../store/oa-repo';
import type { SettingsRepo } from '../store/settings-repo';
import type { SecretBox } from '../core/secret-box';
import { fetchOaHttp, HttpSourceConfig, postOaChanges } from '../org/http-source';
import type { ParseResult } from '../org/oa-workbook';
import { ApiError } from '../core/api-error';
import type { z } from 'zod';

const MAPPING_KEY = 'oa.file.mapping';
const HTTP_KEY = 'oa.http';
const HTTP_TOKEN_KEY = 'oa.http.token';

export function createOaService(deps: { oa: OaRepo; settings: SettingsRepo; audit: AuditRepo; clock: Clock; box: SecretBox }) {
  const now = () => deps.clock.now().toISOString();
  function apply(parsed: ParseResult, source: string, dryRun: boolean, actor: string): OaImportReport {
    if (!parsed.ok) return { ok: false, applied: false, errors: parsed.errors, counts: null };
    const counts = countDirectory(parsed.directory);
    if (dryRun) return { ok: true, applied: false, errors: [], counts };
    deps.oa.replace(parsed.directory, { at: now(), actor, source, counts });
    deps.audit.record(now(), actor, 'oa.import', null, { source, ...counts });
    return { ok: true, applied: true, errors: [], counts };
  }
  return {
    /** F4.9 JSON-over-HTTP source; the optional bearer token is stored sealed. */
    setHttpSource(input: z.input<typeof HttpSourceConfig>, token: string | null | undefined, actor = 'admin') {
      const cfg = HttpSourceConfig.parse(input);
      deps.settings.set(HTTP_KEY, cfg, now());
      if (token !== undefined) deps.settings.set(HTTP_TOKEN_KEY, token === null ? null : deps.box.seal(token), now());
      deps.audit.record(now(), actor, 'oa.source', null, { kind: 'http', url: cfg.url });
      return this.httpSource();
    },
    httpSource() {
      const cfg = deps.settings.get<HttpSourceConfig>(HTTP_KEY);
      return cfg ? { ...cfg, hasToken: deps.settings.get<string>(HTTP_TOKEN_KEY) !== null } : null;
    },
    async fetchHttp(opts: { dryRun: boolean; actor?: string }): Promise<OaImportReport> {
      const cfg = deps.settings.get<HttpSourceConfig>(HTTP_KEY);
      if (!cfg) throw new ApiError('not_configured', '尚未配置 HTTP 来源（oa source --url …）');
      const sealed = deps.settings.get<string>(HTTP_TOKEN_KEY);
      return apply(await fetchOaHttp(HttpSourceConfig.parse(cfg), sealed ? deps.box.open(sealed) : null), cfg.url, opts.dryRun, opts.actor ?? 'admin');
    },
    /**
     * Where the OA directory comes from now (the HTTP source when the last import came from its URL, else the
     * file import) and whether 【是否同步到OA】 can write to it (F4.3).
     */
    activeSource(): OaSourceView {
      const cfg = deps.settings.get<HttpSourceConfig>(HTTP_KEY);
      const last = deps.oa.lastImport();
      if (cfg && last?.source === cfg.url) return { kind: 'http', url: cfg.url, writeUrl: cfg.writeUrl ?? null, canWrite: !!cfg.writeUrl };
      return { kind: 'file', url: null, writeUrl: null, canWrite: true };
    },
    /** F4.3 to an HTTP source: the change list goes to its write endpoint. */
    async writeChanges(corpId: string, changes: unknown[]): Promise<number> {
      const cfg = deps.settings.get<HttpSourceConfig>(HTTP_KEY);
      if (!cfg?.writeUrl) throw new ApiError('not_configured', 'OA 来源没有写入地址（oa source --write-url …）');
      const sealed = deps.settings.get<string>(HTTP_TOKEN_KEY);
      return postOaChanges(HttpSourceConfig.parse(cfg), sealed ? deps.box.open(sealed) : null, { corpId, at: now(), changes });
    },
    summary(): OaSummary {
      const last = deps.oa.lastImport();
      return { lastImport: last, mapping: deps.settings.get<OaMappingInput>(MAPPING_KEY), source: this.activeSource() };
    },
    directory: (): OaDirectory => deps.oa.load(),
    /** Validates every row; writes only when all rows are valid and `dryRun` is off. A given mapping is saved with the source. */
    import(files: InputFile[], opts: { mapping?: OaMappingInput | null; dryRun: boolean; actor?: string }): OaImportReport {
      const mapping = opts.mapping ?? deps.settings.get<OaMappingInput>(MAPPING_KEY) ?? {};
      let parsed;
      try {
        parsed = parseOaFiles(files, mapping);
      } catch (e) {
        // A mapping that does not validate is bad input like a bad row.
        return { ok: false, applied: false, errors: [{ sheet: 'mapping', row: 0, column: null, reason: e instanceof Error ? e.message : String(e) }], counts: null };
      }
      const report = apply(parsed, files.map((f) => f.name).join(' + '), opts.dryRun, opts.actor ?? 'admin');
      if (report.applied && opts.mapping) deps.settings.set(MAPPING_KEY, opts.mapping, now());
      return report;
    },
    exportWorkbook: (): Buffer => oaDirectoryToWorkbook(deps.oa.load()),
  };
}

export type OaService = ReturnType<typeof createOaService>;
