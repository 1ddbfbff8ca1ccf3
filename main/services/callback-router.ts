// F6.3 event routing, after the answer: contact changes update the mirror (F4.13; from the 通讯录 callback and
// from any app callback), external-contact events are stored for the customer feature (F7.3), template-card
// events are stored and handed to the hooks the message-push work registers (F3.3). A failing route is counted,
// logged and never reaches the HTTP side.
import type { Clock } from '../core/types';
import type { Logger } from '../core/logger';
import type { CallbackEventsRepo } from '../store/callback-events-repo';
import type { ResolvedTarget } from '../store/callbacks-repo';
import type { XmlNode } from '../listener/xml';
import type { ContactChanges } from './callback-contacts';
import type { CallbackInspector } from './callback-inspector';

export interface TemplateCardEvent {
  eventId: number;
  corpId: string;
  appId: string | null;
  agentid: number | null;
  /** Event, EventKey, TaskId, CardType, ResponseCode, FromUserName, CreateTime … as WeCom sent them. */
  fields: Record<string, string>;
  message: XmlNode;
}

export type TemplateCardHook = (e: TemplateCardEvent) => void | Promise<void>;

const EXTERNAL_EVENTS = new Set(['change_external_contact', 'change_external_chat', 'change_external_tag']);

const toJson = (n: XmlNode): Record<string, unknown> => JSON.parse(JSON.stringify(n)) as Record<string, unknown>;
const intOrNull = (s: string | undefined) => (s && /^\d{1,12}$/.test(s) ? Number(s) : null);

export function createCallbackRouter(deps: { contacts: ContactChanges; events: CallbackEventsRepo; inspector: CallbackInspector; clock: Clock; log?: Logger; transaction: (fn: () => void) => void }) {
  const cardHooks = new Set<TemplateCardHook>();

  function store(t: ResolvedTarget, kind: 'template_card' | 'external_contact', msg: XmlNode, f: Record<string, string>): number {
    return deps.events.add({
      corpId: t.corpId,
      appId: t.appId,
      kind,
      event: f.Event ?? '',
      changeType: f.ChangeType ?? null,
      fromUser: f.FromUserName ?? null,
      createTime: intOrNull(f.CreateTime),
      fields: toJson(msg),
      receivedAt: deps.clock.now().toISOString(),
    });
  }

  function handOver(e: TemplateCardEvent): void {
    for (const hook of cardHooks) {
      Promise.resolve()
        .then(() => hook(e))
        .catch((err: unknown) => {
          deps.inspector.routeError();
          deps.log?.warn({ err, eventId: e.eventId }, 'template-card hook failed');
        });
    }
  }

  return {
    /** Runs a batch of routing in one store transaction; a failure there is counted, never thrown. */
    batch(fn: () => void): void {
      try {
        deps.transaction(fn);
      } catch (e) {
        deps.inspector.routeError();
        deps.log?.warn({ err: e }, 'callback routing batch failed');
      }
    },
    route(t: ResolvedTarget, msg: XmlNode, f: Record<string, string>): void {
      try {
        if ((f.MsgType ?? '').toLowerCase() !== 'event') return;
        const event = (f.Event ?? '').toLowerCase();
        if (event === 'change_contact') {
          if (t.kind !== 'customer') deps.contacts.apply(t.corpId, msg);
        } else if (EXTERNAL_EVENTS.has(event)) {
          store(t, 'external_contact', msg, f);
        } else if (event.startsWith('template_card')) {
          const eventId = store(t, 'template_card', msg, f);
          handOver({ eventId, corpId: t.corpId, appId: t.appId, agentid: t.agentid, fields: f, message: msg });
        }
      } catch (e) {
        deps.inspector.routeError();
        deps.log?.warn({ err: e, kind: t.kind, refId: t.refId }, 'callback routing failed');
      }
    },
    /** The message-push work subscribes here (F3.3); returns the unsubscribe. */
    onTemplateCard(hook: TemplateCardHook): () => void {
      cardHooks.add(hook);
      return () => cardHooks.delete(hook);
    },
  };
}

export type CallbackRouter = ReturnType<typeof createCallbackRouter>;
