// What the shells (Electron, headless server, CLI) and tests see of the core.
import type { EventName, EventPayload } from '../api/events';
import type { Result } from '../api/contract';
import type { SecretBox } from './secret-box';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type Shell = 'electron' | 'headless';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface CoreOptions {
  dataDir: string;
  secretBox: SecretBox;
  shell: Shell;
  clock?: Clock;
  /** Base URL of the callback listener on this machine (set by the shell that runs it). */
  listenerBase?: string | null;
  version?: string;
  /** Where the bundled resources live (demo data); defaults to the project's resources/. */
  resourcesDir?: string;
  /** Long-running shells (desktop, serve) run the timed pulls and pushes; one-shot CLI commands do not. */
  runSchedules?: boolean;
  /** Members (mirror + OA) from which planning runs in the worker thread; tests lower it to exercise the worker. */
  planInWorkerFrom?: number;
}

export interface CoreHandle {
  /** Validates the input against the contract, runs the handler and returns errors as values. */
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribe to core events; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void;
  close(): Promise<void>;
}
