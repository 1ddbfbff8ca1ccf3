// F4.9 (file source): import the OA directory from a workbook or a CSV pair; all or nothing.
import type { OaImportReport, OaSummary } from '../api/schemas';
import type { Clock } from '../core/types';
import { countDirectory, type OaDirectory } from '../org/oa-model';
import { oaDirectoryToWorkbook, parseOaFiles, type InputFile } from '../org/oa-files';
import type { OaMappingInput } from '../org/oa-mapping';
import type { AuditRepo } from '../store/audit-repo';
import type { OaRepo } from '../store/oa-repo';
import type { SettingsRepo } from '../store/settings-repo';

const MAPPING_KEY = 'oa.file.mapping';

export function createOaService(deps: { oa: OaRepo; settings: SettingsRepo; audit: AuditRepo; clock: Clock }) {
  const now = () => deps.clock.now().toISOString();
  return {
    summary(): OaSummary {
      const last = deps.oa.lastImport();
      return { lastImport: last, mapping: deps.settings.get<OaMappingInput>(MAPPING_KEY) };
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
      if (!parsed.ok) return { ok: false, applied: false, errors: parsed.errors, counts: null };
      const counts = countDirectory(parsed.directory);
      if (opts.dryRun) return { ok: true, applied: false, errors: [], counts };
      const source = files.map((f) => f.name).join(' + ');
      deps.oa.replace(parsed.directory, { at: now(), actor: opts.actor ?? 'admin', source, counts });
      if (opts.mapping) deps.settings.set(MAPPING_KEY, opts.mapping, now());
      deps.audit.record(now(), opts.actor ?? 'admin', 'oa.import', null, { source, ...counts });
      return { ok: true, applied: true, errors: [], counts };
    },
    exportWorkbook: (): Buffer => oaDirectoryToWorkbook(deps.oa.load()),
  };
}

export type OaService = ReturnType<typeof createOaService>;
