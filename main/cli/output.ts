// One JSON document on stdout with --json (logs on stderr); readable text otherwise. Exit codes per CLI.md.
import type { ApiErrorShape, Result } from '../api/contract';
import type { Globals } from './globals';
import { explainErrcode } from '../wecom/errcodes';

export const EXIT = { ok: 0, error: 1, usage: 2, safety: 3 } as const;

/** Ends a command with an exit code after its output has been printed. */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** WeCom errcodes are explained in the chosen language (the core's own messages are Chinese). */
function localized(g: Globals, error: ApiErrorShape): ApiErrorShape {
  if (g.lang !== 'en-US' || typeof error.errcode !== 'number') return error;
  const x = explainErrcode(error.errcode, { lang: 'en-US' });
  return { ...error, message: `${x.message} (errcode ${error.errcode})`, hint: x.action };
}

export function printError(g: Globals, raw: ApiErrorShape): void {
  const error = localized(g, raw);
  if (g.json) printJson({ error });
  else {
    const en = g.lang === 'en-US';
    process.stderr.write(`${en ? 'Error: ' : '错误：'}${error.message}\n`);
    if (error.hint) process.stderr.write(`${en ? 'Hint: ' : '提示：'}${error.hint}\n`);
    const details = error.details;
    if (Array.isArray(details)) for (const d of details as { path?: string; message?: string }[]) if (d.path) process.stderr.write(`  ${d.path}: ${d.message}\n`);
  }
}

/** Unwraps a dispatch result, or prints the error and exits 1 (bad values are bad input, not usage). */
export function unwrap<T>(g: Globals, r: Result<T>): T {
  if (r.ok) return r.value;
  printError(g, r.error);
  throw new CliExit(EXIT.error);
}

export function printTable(rows: Record<string, unknown>[], columns: [string, string][]): void {
  if (!rows.length) {
    process.stdout.write('（无）\n');
    return;
  }
  const cells = rows.map((r) => columns.map(([k]) => String(r[k] ?? '')));
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = columns.map(([, h], i) => Math.max(width(h), ...cells.map((c) => width(c[i]))));
  const line = (vals: string[]) => vals.map((v, i) => v + ' '.repeat(widths[i] - width(v))).join('  ').trimEnd();
  process.stdout.write(`${line(columns.map(([, h]) => h))}\n${cells.map(line).join('\n')}\n`);
}
