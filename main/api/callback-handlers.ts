// callbackContract → services, one line per method (validation happens in dispatch).
import type { z } from 'zod';
import type { Services } from '../core/services';
import type { callbackContract } from './callback-contract';

type C = typeof callbackContract;
type CallbackHandlers = { [M in keyof C]: (input: z.output<C[M]['input']>) => z.output<C[M]['output']> | Promise<z.output<C[M]['output']>> };

export function createCallbackHandlers(s: Services): CallbackHandlers {
  const cb = s.callbacks;
  return {
    'callbacks.get': (i) => cb.settings.get(i.kind, i.id),
    'callbacks.set': (i) => cb.settings.set(i.kind, i.id, i),
    'callbacks.overview': (i) => cb.settings.overview(i.corpId),
    'callbacks.log': (i) => ({ entries: cb.inspector.list(i.limit, i.corpId), counters: cb.inspector.counters() }),
    'callbacks.events': (i) => cb.events.list(i.corpId, i.kind, i.limit),
    'replyRules.list': (i) => cb.rules.list(i.appId),
    'replyRules.add': (i) => cb.rules.add(i),
    'replyRules.update': (i) => cb.rules.update(i),
    'replyRules.remove': (i) => cb.rules.remove(i.ids),
    'replyRules.removeAll': (i) => cb.rules.removeAll(i.appId),
  };
}
