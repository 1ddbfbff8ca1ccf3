import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../api';
import { contactsDataSlice, type ContactsDataSlice } from './contacts-data';
import { contactsSyncSlice, type ContactsSyncSlice } from './contacts-sync';
import type { JobsStore } from './jobs';

/** 【通讯录同步】 (F4): one store for the area, written as two slices (data, runs) to keep files short. */
export type ContactsState = ContactsDataSlice & ContactsSyncSlice;
export type ContactsStore = ReturnType<typeof createContactsStore>;

export function createContactsStore(client: ApiClient, jobs: JobsStore, opts: { pollMs?: number } = {}) {
  return createStore<ContactsState>()((set, get) => ({
    ...contactsDataSlice(client, set, get),
    ...contactsSyncSlice(client, jobs, set, get, opts.pollMs),
  }));
}
