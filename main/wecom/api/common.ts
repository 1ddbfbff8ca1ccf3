// Helpers shared by the API families: WeCom's list encodings, byte lengths, chunking, and the "did my write land?"
// check that replaces blind retries of writes.
import { z } from 'zod';
import { WeComError, WeComNetworkError } from '../wecom-error';

/** Replies that carry nothing but the envelope (`created`, `updated`, `deleted`, `ok`). */
export const Ok = z.object({});

/**
 * WeCom returns id lists either as `"u1|u2"` (message/send, tag/addtagusers) or as arrays (update_template_card,
 * batch/invite); both become a string array, empty entries dropped.
 */
export const IdList = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .optional()
  .transform((v): string[] => {
    if (v === undefined) return [];
    const parts = typeof v === 'string' ? v.split('|') : v.map(String);
    return parts.map((s) => s.trim()).filter((s) => s.length > 0);
  });

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Characters as people count them (code points), for WeCom's "≤ N 个字" rules. */
export function chars(s: string): number {
  return [...s].length;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError(`chunk size must be ≥ 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Our own pre-flight check failed: nothing was sent to WeCom. `problems` are in Chinese, one per rule broken. */
export class WeComValidationError extends Error {
  readonly code = 'wecom_validation';
  constructor(
    readonly what: string,
    readonly problems: string[],
  ) {
    super(`${what}不符合企业微信的限制，未发送：${problems.join('；')}`);
  }
}

export function assertValid(what: string, problems: string[]): void {
  if (problems.length > 0) throw new WeComValidationError(what, problems);
}

/** Checks `value` is at most `max` UTF-8 bytes (and present when `required`); pushes a message otherwise. */
export function checkBytes(problems: string[], field: string, value: string | undefined, max: number, required = false): void {
  if (value === undefined || value === '') {
    if (required) problems.push(`${field} 不能为空`);
    return;
  }
  const n = utf8Bytes(value);
  if (n > max) problems.push(`${field} 为 ${n} 字节，超过上限 ${max} 字节`);
}

export function isWeComError(e: unknown, ...codes: number[]): e is WeComError {
  return e instanceof WeComError && (codes.length === 0 || codes.includes(e.errcode));
}

/**
 * A write whose reply was lost (timeout, reset) may or may not have been applied by WeCom, so it is never simply
 * sent again. `applied()` looks at WeCom's state instead: true → the write took effect and counts as done; false
 * → the original network error is rethrown (the caller's journal decides whether to try again later).
 */
export async function writeOrConfirm<T>(write: () => Promise<T>, applied: () => Promise<T | null>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (!(e instanceof WeComNetworkError)) throw e;
    let confirmed: T | null = null;
    try {
      confirmed = await applied();
    } catch {
      throw e;
    }
    if (confirmed === null) throw e;
    return confirmed;
  }
}

/** Walks a `cursor` / `next_cursor` API page by page until WeCom returns an empty cursor. */
export async function* cursorPages<P extends { next_cursor?: string }>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
  signal?: AbortSignal,
): AsyncGenerator<P> {
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    signal?.throwIfAborted();
    const page = await fetchPage(cursor);
    yield page;
    const next = page.next_cursor ?? '';
    // A cursor that repeats would loop forever: WeCom ends with "", anything else repeating is a server fault.
    if (next === '' || seen.has(next)) return;
    seen.add(next);
    cursor = next;
  }
}
