// F6.5 callback inspector: a bounded in-memory log of received callbacks and rejections (decrypted fields,
// credentials redacted, long values cut) plus counters of every outcome and rejection reason. New entries reach
// the UIs as `callback.log` core events, batched so a burst of thousands per second stays cheap.
import type { CallbackCounters, CallbackLogEntry } from '../api/callback-contract';
import type { EventBus } from '../core/event-bus';
import type { Clock } from '../core/types';

/** Credentials a callback may carry: never shown, never logged. */
const REDACTED_FIELDS = new Set(['Encrypt', 'WelcomeCode', 'ResponseCode', 'Ticket', 'SuiteTicket', 'AuthCode', 'Token', 'EncodingAESKey', 'echostr', 'msg_signature']);
const MAX_VALUE_CHARS = 256;
const MAX_FIELDS = 40;

export type LogInput = Omit<CallbackLogEntry, 'seq' | 'at' | 'fields'> & { fields?: Record<string, string> };

export function redactFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const [k, v] of Object.entries(fields)) {
    if (n++ >= MAX_FIELDS) break;
    out[k] = REDACTED_FIELDS.has(k) ? '***' : v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}…` : v;
  }
  return out;
}

export function createCallbackInspector(deps: { bus: EventBus; clock: Clock; size?: number; flushMs?: number }) {
  const size = deps.size ?? 500;
  const flushMs = deps.flushMs ?? 250;
  const ring: CallbackLogEntry[] = [];
  let head = 0;
  let seq = 0;
  let pending: CallbackLogEntry[] = [];
  let timer: NodeJS.Timeout | null = null;
  const zero = () => ({ received: 0, accepted: 0, verified: 0, duplicates: 0, replies: 0, rejected: 0, byReason: {} as Record<string, number>, routeErrors: 0, since: deps.clock.now().toISOString() });
  let counters = zero();

  const flush = () => {
    timer = null;
    if (!pending.length) return;
    const entries = pending;
    pending = [];
    deps.bus.emit('callback.log', { entries });
  };

  return {
    record(input: LogInput): CallbackLogEntry {
      const entry: CallbackLogEntry = { ...input, seq: ++seq, at: deps.clock.now().toISOString(), fields: input.fields ? redactFields(input.fields) : {} };
      counters.received++;
      if (entry.outcome === 'rejected') {
        counters.rejected++;
        const r = entry.reason ?? 'unknown';
        counters.byReason[r] = (counters.byReason[r] ?? 0) + 1;
      } else if (entry.outcome === 'duplicate') counters.duplicates++;
      else if (entry.outcome === 'verified') counters.verified++;
      else counters.accepted++;
      if (entry.replied) counters.replies++;
      if (ring.length < size) ring.push(entry);
      else {
        ring[head] = entry;
        head = (head + 1) % size;
      }
      pending.push(entry);
      if (pending.length > size) pending.splice(0, pending.length - size);
      if (!timer) {
        timer = setTimeout(flush, flushMs);
        timer.unref();
      }
      return entry;
    },
    routeError(): void {
      counters.routeErrors++;
    },
    /** Newest first, optionally one corp's. */
    list(limit: number, corpId?: string): CallbackLogEntry[] {
      const ordered = [...ring.slice(head), ...ring.slice(0, head)].reverse();
      return (corpId ? ordered.filter((e) => e.corpId === corpId) : ordered).slice(0, limit);
    },
    counters: (): CallbackCounters => ({ ...counters, byReason: { ...counters.byReason } }),
    reset(): void {
      counters = zero();
      ring.length = 0;
      head = 0;
    },
    close(): void {
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}

export type CallbackInspector = ReturnType<typeof createCallbackInspector>;
