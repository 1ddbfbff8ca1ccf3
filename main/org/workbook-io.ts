// Reading spreadsheets safely: corrupt files, unknown formats and legacy encodings become clear errors.
import * as XLSX from 'xlsx';

export class WorkbookError extends Error {
  readonly code = 'bad_workbook';
}

export const MAX_WORKBOOK_BYTES = 64 * 1024 * 1024;

function decodeText(buf: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(buf).replace(/^\uFEFF/, '');
  } catch {
    // Chinese Excel saves CSV as GBK by default.
    return new TextDecoder('gbk').decode(buf);
  }
}

/** Parses .xlsx/.xls/.ods/.csv bytes; refuses anything else, and never evaluates formulas or links. */
export function readWorkbook(buf: Buffer, fileName: string): XLSX.WorkBook {
  if (buf.length === 0) throw new WorkbookError(`${fileName} 是空文件`);
  if (buf.length > MAX_WORKBOOK_BYTES) throw new WorkbookError(`${fileName} 超过 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB`);
  const lower = fileName.toLowerCase();
  try {
    if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
      return XLSX.read(decodeText(buf), { type: 'string', raw: true, dense: true });
    }
    const isZip = buf[0] === 0x50 && buf[1] === 0x4b;
    const isOle = buf[0] === 0xd0 && buf[1] === 0xcf;
    if (!isZip && !isOle) throw new WorkbookError(`${fileName} 不是 Excel 工作簿（.xlsx/.xls）`);
    return XLSX.read(buf, { type: 'buffer', dense: true, cellFormula: false, cellHTML: false, cellText: false });
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw new WorkbookError(`${fileName} 无法读取（文件已损坏或不是工作簿）`);
  }
}

export type Cell = string;

/** The sheet as trimmed strings; integers keep all digits (mobiles stored as numbers stay intact). */
export function sheetRows(ws: XLSX.WorkSheet): Cell[][] {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: '', blankrows: true });
  return rows.map((r) =>
    r.map((v) => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v);
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      return String(v).trim();
    }),
  );
}

export function findSheet(wb: XLSX.WorkBook, names: string[]): string | null {
  const wanted = names.map((n) => n.trim().toLowerCase());
  return wb.SheetNames.find((s) => wanted.includes(s.trim().toLowerCase())) ?? null;
}

export function writeWorkbook(sheets: { name: string; rows: (string | number | null)[][] }[]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
