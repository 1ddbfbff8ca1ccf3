import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCheckinData, getCheckinDayData, iterCheckinData } from '../../../main/wecom/api/checkin';
import {
  batchGetByUser,
  getExternalContact,
  getFollowUserList,
  listExternalContacts,
  type ExternalContactByUser,
} from '../../../main/wecom/api/external-contacts';
import { WeComError } from '../../../main/wecom/wecom-error';
import { openHarness, type Harness } from './sim-harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('external contacts (customer-contact secret)', () => {
  it('follow users, their customers, one customer in full, and batch/get_by_user across > 100 users', async () => {
    const follow = await getFollowUserList(h.customer);
    expect(follow.length).toBeGreaterThan(0);
    const withCustomers = [...h.sim.state.externalContacts.values()].flatMap((c) => c.follow_user.map((f) => f.userid));
    const someone = withCustomers[0];
    const ids = await listExternalContacts(h.customer, someone);
    expect(ids.length).toBeGreaterThan(0);
    const detail = await getExternalContact(h.customer, ids[0]);
    expect(detail.external_contact.external_userid).toBe(ids[0]);
    expect(detail.follow_user.map((f) => f.userid)).toContain(someone);

    const rows: ExternalContactByUser[] = [];
    for await (const r of batchGetByUser(h.customer, follow, { limit: 7 })) rows.push(r);
    const expected = [...h.sim.state.externalContacts.values()].reduce((n, c) => n + c.follow_user.length, 0);
    expect(follow.length).toBeGreaterThan(100);
    expect(rows.length).toBe(expected);
    expect(rows[0].follow_info.userid).toBeTruthy();
  });

  it('a member without customers lists [] (84061); an app not allowed gets 48002', async () => {
    const busy = new Set([...h.sim.state.externalContacts.values()].flatMap((c) => c.follow_user.map((f) => f.userid.toLowerCase())));
    const idle = [...h.sim.state.users.values()].find((u) => !busy.has(u.userid.toLowerCase()));
    expect(idle).toBeDefined();
    expect(await listExternalContacts(h.customer, idle!.userid)).toEqual([]);
    const notAllowed = h.client(h.sim.apps[1].secret, 'app');
    expect(((await getFollowUserList(notAllowed).catch((e: unknown) => e)) as WeComError).errcode).toBe(48002);
  });

  it('the self-built app added to 「客户联系 → 可调用接口的应用」 reads them too', async () => {
    expect((await getFollowUserList(h.app)).length).toBeGreaterThan(0);
  });
});

describe('checkin (app added to 「打卡 → 可调用接口的应用」)', () => {
  const DAY = 86_400;
  it('records over 45 days and > 100 users: split into ≤ 100 users × ≤ 30 days, nothing lost or doubled', async () => {
    const users = [...h.sim.state.users.values()].map((u) => u.userid);
    expect(users.length).toBeGreaterThan(100);
    const end = Math.floor(h.sim.now() / 1000);
    const start = end - 45 * DAY;
    let calls = 0;
    for await (const _ of iterCheckinData(h.app, { start, end, userids: users })) calls++;
    expect(calls).toBe(Math.ceil(users.length / 100) * 2);
    const recs = await getCheckinData(h.app, { start, end, userids: users });
    const expected = h.sim.state.checkins.filter((r) => r.checkin_time >= start && r.checkin_time <= end);
    expect(recs.length).toBe(expected.length);
    expect(new Set(recs.map((r) => `${r.userid}|${r.checkin_time}|${r.checkin_type}`)).size).toBe(recs.length);
    const field = await getCheckinData(h.app, { start, end, userids: users, type: 2 });
    expect(field.every((r) => r.checkin_type === '外出打卡')).toBe(true);
  });

  it('day reports for whole days', async () => {
    const users = [...h.sim.state.users.values()].slice(0, 3).map((u) => u.userid);
    const nowSec = Math.floor(h.sim.now() / 1000);
    const today = Math.floor((nowSec + 8 * 3600) / DAY) * DAY - 8 * 3600;
    const rows = await getCheckinDayData(h.app, { start: today - 6 * DAY, end: today, userids: users });
    expect(rows).toHaveLength(3 * 7);
    expect(rows[0].base_info.acctid).toBe(users[0]);
  });

  it('an app not allowed for checkin gets 48002', async () => {
    const other = h.client(h.sim.apps[1].secret, 'app');
    const e = (await getCheckinData(other, { start: 0, end: 10, userids: ['x'] }).catch((x: unknown) => x)) as WeComError;
    expect(e.errcode).toBe(48002);
  });
});
