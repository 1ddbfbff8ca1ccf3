import type { Method, Result } from '../../main/api/contract';
import type { EventName } from '../../main/api/events';

/** What a transport moves: untyped Results and event payloads. The client adds the types. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke(method: Method, input: unknown): Promise<Result<unknown>>;
  on(name: EventName, cb: (payload: unknown) => void): () => void;
}
