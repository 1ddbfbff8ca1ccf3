import { ApiErrorShape, type Method, type Result } from '../../main/api/contract';
import type { EventName } from '../../main/api/events';
import type { Transport } from './transport';

export interface HttpTransportOptions {
  token: string | null;
  /** Origin of the headless server; defaults to the page's own. */
  origin?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

function failure(code: string, message: string): Result<unknown> {
  return { ok: false, error: { code, message } };
}

/** The body is always a Result; anything else is a broken server or proxy, reported as such. */
function asResult(body: unknown): Result<unknown> | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (b.ok === true && 'value' in b) return { ok: true, value: b.value };
  if (b.ok === false) {
    const parsed = ApiErrorShape.safeParse(b.error);
    if (parsed.success) return { ok: false, error: parsed.data };
  }
  return null;
}

/** Headless server: `POST /rpc/<method>` with a bearer token, events over SSE (`/events?token=`). */
export function httpTransport(opts: HttpTransportOptions): Transport {
  const origin = opts.origin ?? window.location.origin;
  const doFetch = opts.fetch ?? window.fetch.bind(window);
  const ES = opts.EventSource ?? window.EventSource;
  let source: EventSource | null = null;

  function events(): EventSource {
    if (!source) {
      const url = new URL('/events', origin);
      if (opts.token) url.searchParams.set('token', opts.token);
      // EventSource reconnects by itself; jobs are re-read with jobs.get, so a gap loses nothing.
      source = new ES(url.toString());
    }
    return source;
  }

  return {
    kind: 'http',
    async invoke(method: Method, input: unknown) {
      let res: Response;
      try {
        res = await doFetch(new URL(`/rpc/${method}`, origin).toString(), {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
      } catch (e) {
        return failure('network', e instanceof Error ? e.message : String(e));
      }
      if (res.status === 401) return failure('unauthorized', 'HTTP 401');
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        return failure('bad_response', `HTTP ${res.status}`);
      }
      return asResult(body) ?? failure('bad_response', `HTTP ${res.status}`);
    },
    on(name: EventName, cb: (payload: unknown) => void) {
      const listener = (ev: MessageEvent) => {
        try {
          cb(JSON.parse(String(ev.data)));
        } catch {
          // A malformed event is dropped; state is re-read through jobs.get anyway.
        }
      };
      const es = events();
      es.addEventListener(name, listener as EventListener);
      return () => es.removeEventListener(name, listener as EventListener);
    },
  };
}
