// user/list_id cursor paging through the 25,000 members of synthetic:25000 with the contacts secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSimulator, type SimulatorHandle } from '../../../main/simulator';
import { clientFor, rejection } from './sim-helpers';

const Page = z.object({ next_cursor: z.string(), dept_user: z.array(z.object({ userid: z.string(), department: z.number() })) });

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ seed: 'synthetic:25000' });
});
afterAll(async () => {
  await sim.close();
});

describe('user/list_id', () => {
  it('pages through all 25k members exactly once, one row per member × department', async () => {
    const client = clientFor(sim, sim.contactSecret);
    const seen = new Set<string>();
    let rows = 0;
    let pages = 0;
    let cursor: string | undefined;
    do {
      const page = await client.post('user/list_id', cursor ? { cursor, limit: 10_000 } : { limit: 10_000 }, Page);
      pages++;
      rows += page.dept_user.length;
      for (const r of page.dept_user) seen.add(r.userid);
      cursor = page.next_cursor || undefined;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.size).toBe(25_000);
    const expectedRows = [...sim.state.users.values()].reduce((n, u) => n + u.department.length, 0);
    expect(rows).toBe(expectedRows);
    expect(rows).toBeGreaterThan(25_000); // some members are in two departments
  });

  it('keeps its place when members are added or deleted between pages', async () => {
    const client = clientFor(sim, sim.contactSecret);
    const first = await client.post('user/list_id', { limit: 1000 }, Page);
    const removed = first.dept_user[first.dept_user.length - 1].userid;
    await client.get('user/delete', { userid: removed }, z.object({}).loose());
    const second = await client.post('user/list_id', { cursor: first.next_cursor, limit: 1000 }, Page);
    const firstIds = new Set(first.dept_user.map((r) => r.userid));
    expect(second.dept_user.some((r) => firstIds.has(r.userid))).toBe(false);
    expect(second.dept_user[0].userid.toLowerCase() > removed.toLowerCase()).toBe(true);
  });

  it('refuses a limit outside 1–10000 and a forged cursor (40058)', async () => {
    const client = clientFor(sim, sim.contactSecret);
    expect((await rejection(client.post('user/list_id', { limit: 10_001 }, Page))).errcode).toBe(40058);
    expect((await rejection(client.post('user/list_id', { limit: 0 }, Page))).errcode).toBe(40058);
    expect((await rejection(client.post('user/list_id', { cursor: '!!', limit: 10 }, Page))).errcode).toBe(40058);
  });
});
