// The shape of a WeCom route in the simulator and the helpers handlers use to read their input. Handlers return
// the reply fields (errcode 0 and errmsg "ok" are added unless they set errmsg) or throw SimError.
import type { z } from 'zod';
import type { Caller, CallerKind } from './access';
import { SimError, invalidParam } from './errors';
import type { SimContext } from './sim-context';

export interface RouteContext {
  sim: SimContext;
  caller: Caller;
  query: URLSearchParams;
  raw: Buffer;
  contentType: string;
  ip: string;
}

export type Reply = Record<string, unknown>;

export interface Route {
  method: 'GET' | 'POST';
  /** Relative to /cgi-bin/, e.g. `department/create`. */
  path: string;
  /** Secret kinds WeCom accepts here; any other token gets 48002. */
  allow: readonly CallerKind[];
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

export const CONTACT_ONLY: readonly CallerKind[] = ['contact'];
export const CONTACT_READERS: readonly CallerKind[] = ['contact', 'app'];
export const APP_ONLY: readonly CallerKind[] = ['app'];
export const ANY_CALLER: readonly CallerKind[] = ['contact', 'customer', 'archive', 'app'];

/** Parses the JSON body against `schema`: 47001 not JSON, 40035 a list given as something else, 40058 otherwise. */
export function parseBody<S extends z.ZodType>(ctx: RouteContext, schema: S, opts: { emptyIsObject?: boolean } = {}): z.output<S> {
  const text = ctx.raw.toString('utf8').trim() || (opts.emptyIsObject ? '{}' : '');
  if (text === '') throw new SimError(40063);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SimError(47001, 'data format error');
  }
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  if (issue?.code === 'invalid_type' && issue.expected === 'array') throw new SimError(40035, `${field} must be an array`);
  if (issue?.code === 'invalid_type' && issue.input === undefined) throw invalidParam(`missing ${field}`);
  throw invalidParam(`${field} invalid`);
}

export function queryString(ctx: RouteContext, name: string): string {
  const v = ctx.query.get(name);
  if (v === null || v === '') throw invalidParam(`missing ${name}`);
  return v;
}

export function queryInt(ctx: RouteContext, name: string): number {
  const v = queryString(ctx, name);
  if (!/^\d+$/.test(v)) throw invalidParam(`${name} invalid`);
  return Number(v);
}

export function optionalQueryInt(ctx: RouteContext, name: string): number | undefined {
  const v = ctx.query.get(name);
  return v === null || v === '' ? undefined : queryInt(ctx, name);
}

/** The calling app (routes that only apps may call are declared with APP_ONLY, so this cannot fail there). */
export function callerApp(ctx: RouteContext) {
  if (ctx.caller.kind !== 'app') throw new SimError(48002);
  return ctx.caller.app;
}
