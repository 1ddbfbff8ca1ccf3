// Events pushed from the core to every UI (IPC `bridge.on`, HTTP `GET /events`).
import { z } from 'zod';
import { JobView } from './schemas';
import { CallbackLogEntry } from './callback-contract';

export const events = {
  'job.progress': z.object({ jobId: z.string(), kind: z.string(), phase: z.string(), done: z.number(), total: z.number() }),
  'job.finished': JobView,
  'corps.changed': z.object({ corpId: z.string().nullable() }),
  'callback.log': z.object({ entries: z.array(CallbackLogEntry) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
