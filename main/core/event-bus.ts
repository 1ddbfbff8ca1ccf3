import type { EventName, EventPayload } from '../api/events';
import type { EventListener } from './types';

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        // A broken subscriber (e.g. a closed SSE socket) must not stop the others.
      }
    }
  }
}
