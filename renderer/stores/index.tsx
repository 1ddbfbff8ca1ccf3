import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ApiClient } from '../api';
import { createBasicsStore, type BasicsState, type BasicsStore } from './basics';
import { createContactsStore, type ContactsState, type ContactsStore } from './contacts';
import { createCorpsStore, type CorpsState, type CorpsStore } from './corps';
import { createJobsStore, type JobsOptions, type JobsState, type JobsStore } from './jobs';
import { createCallbacksStore, type CallbacksState, type CallbacksStore } from '../pages/callbacks/callbacks-store';

/** One store per area, built around one client; tests build them around a fake. */
export interface AppStores {
  corps: CorpsStore;
  basics: BasicsStore;
  jobs: JobsStore;
  contacts: ContactsStore;
  callbacks: CallbacksStore;
}

export function createAppStores(client: ApiClient, opts: { jobs?: JobsOptions } = {}): AppStores {
  const jobs = createJobsStore(client, opts.jobs);
  return {
    corps: createCorpsStore(client),
    basics: createBasicsStore(client),
    jobs,
    contacts: createContactsStore(client, jobs, { pollMs: opts.jobs?.pollMs }),
    callbacks: createCallbacksStore(client),
  };
}

const StoresContext = createContext<AppStores | null>(null);

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): AppStores {
  const s = useContext(StoresContext);
  if (!s) throw new Error('stores used outside StoresProvider');
  return s;
}

// Narrow selectors: a component re-renders only when what it selected changes.
export function useCorps<T>(selector: (s: CorpsState) => T): T {
  return useStore(useStores().corps, selector);
}
export function useBasics<T>(selector: (s: BasicsState) => T): T {
  return useStore(useStores().basics, selector);
}
export function useJobs<T>(selector: (s: JobsState) => T): T {
  return useStore(useStores().jobs, selector);
}

export function useContacts<T>(selector: (s: ContactsState) => T): T {
  return useStore(useStores().contacts, selector);
}

export function useCallbacks<T>(selector: (s: CallbacksState) => T): T {
  return useStore(useStores().callbacks, selector);
}

export type { BasicsState, ContactsState, CorpsState, JobsState };
export type { DiagState, Progress } from './jobs';
export { diagProgress } from './jobs';
