// message/send (invaliduser, 81013, 301002, 48002), message/recall within 24 h on the simulated clock (42052),
// and update_template_card with a single-use response_code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSimulator, type SimulatorHandle } from '../../../main/simulator';
import { admin, Any, appClient, clientFor, rejection } from './sim-helpers';

const Sent = z.object({ msgid: z.string(), invaliduser: z.string() }).loose();

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo' });
});
afterAll(async () => {
  await sim.close();
});

const active = () => [...sim.state.users.values()].filter((u) => u.enable === 1 && u.activated);

describe('message/send', () => {
  it('sends to valid recipients and lists the invalid ones lower-cased', async () => {
    const app = appClient(sim, 1000002);
    const [a, b] = active();
    const r = await app.post('message/send', { touser: `${a.userid}|${b.userid}|NoSuchUser`, msgtype: 'text', agentid: 1000002, text: { content: '你好' } }, Sent);
    expect(r.errcode).toBe(0);
    expect(r.invaliduser).toBe('nosuchuser');
    expect(r.msgid.length).toBeGreaterThan(10);
    expect(sim.state.messages.get(r.msgid)?.recipients.sort()).toEqual([a.userid, b.userid].map((x) => x.toLowerCase()).sort());
  });

  it('answers 81013 with invaliduser when every recipient is invalid, or outside the visible scope', async () => {
    const app = appClient(sim, 1000003); // 研发中心 only
    const outsider = sim.state.membersOf(34)[1];
    const err = await rejection(app.post('message/send', { touser: `ghost|${outsider.userid}`, msgtype: 'text', agentid: 1000003, text: { content: 'x' } }, Sent));
    expect(err.errcode).toBe(81013);
    expect(err.errmsg).toMatch(/^user & party & tag all invalid, hint/);
  });

  it('checks agentid, recipients and content: 301002, 82001, 44004, 45008, 40008', async () => {
    const app = appClient(sim, 1000002);
    const to = active()[0].userid;
    expect((await rejection(app.post('message/send', { touser: to, msgtype: 'text', agentid: 1000003, text: { content: 'x' } }, Sent))).errcode).toBe(301002);
    expect((await rejection(app.post('message/send', { msgtype: 'text', agentid: 1000002, text: { content: 'x' } }, Sent))).errcode).toBe(82001);
    expect((await rejection(app.post('message/send', { touser: to, msgtype: 'text', agentid: 1000002, text: { content: '' } }, Sent))).errcode).toBe(44004);
    const articles = Array.from({ length: 9 }, (_, i) => ({ title: `t${i}`, url: 'https://example.com' }));
    expect((await rejection(app.post('message/send', { touser: to, msgtype: 'news', agentid: 1000002, news: { articles } }, Sent))).errcode).toBe(45008);
    expect((await rejection(app.post('message/send', { touser: to, msgtype: 'hologram', agentid: 1000002 }, Sent))).errcode).toBe(40008);
  });

  it('sends textcard, news, to a party and to @all', async () => {
    const app = appClient(sim, 1000003);
    const card = await app.post('message/send', { toparty: '20', msgtype: 'textcard', agentid: 1000003, textcard: { title: '周报', description: '<div class="gray">本周</div>', url: 'https://example.com/w' } }, Sent);
    expect(sim.state.messages.get(card.msgid)?.recipientCount).toBeGreaterThan(10);
    const all = await app.post('message/send', { touser: '@all', msgtype: 'news', agentid: 1000003, news: { articles: [{ title: 'a', url: 'https://example.com' }] } }, Sent);
    const rd = [...sim.state.users.values()].filter((u) => u.department.some((d) => [11, 20, 21, 22, 23, 24, 25].includes(d)) && u.enable === 1);
    expect(sim.state.messages.get(all.msgid)?.recipientCount).toBe(rd.length);
  });

  it('the contacts secret cannot send messages (48002)', async () => {
    const c = clientFor(sim, sim.contactSecret);
    expect((await rejection(c.post('message/send', { touser: '@all', msgtype: 'text', agentid: 1000002, text: { content: 'x' } }, Sent))).errcode).toBe(48002);
  });
});

describe('message/recall', () => {
  it('recalls within 24 h, answers 42052 after, and 40058 for another app', async () => {
    const app = appClient(sim, 1000002);
    const to = active()[0].userid;
    const fresh = await app.post('message/send', { touser: to, msgtype: 'text', agentid: 1000002, text: { content: '撤回我' } }, Sent);
    expect((await app.post('message/recall', { msgid: fresh.msgid }, Any)).errcode).toBe(0);
    expect(sim.state.messages.get(fresh.msgid)?.recalled).toBe(true);
    const old = await app.post('message/send', { touser: to, msgtype: 'text', agentid: 1000002, text: { content: '太晚了' } }, Sent);
    expect((await rejection(appClient(sim, 1000003).post('message/recall', { msgid: old.msgid }, Any))).errcode).toBe(40058);
    await admin(sim, 'clock', { advanceSec: 24 * 3600 + 1 });
    const err = await rejection(app.post('message/recall', { msgid: old.msgid }, Any));
    expect(err.errcode).toBe(42052);
    await admin(sim, 'clock', { offsetMs: 0 });
  });
});

describe('template cards', () => {
  it('returns a response_code for interactive cards that update_template_card accepts once', async () => {
    const app = appClient(sim, 1000002);
    const card = {
      card_type: 'button_interaction',
      main_title: { title: '审批' },
      task_id: 'task-approve-1',
      button_list: [{ text: '同意', key: 'yes' }],
    };
    const r = await app.post('message/send', { touser: active()[0].userid, msgtype: 'template_card', agentid: 1000002, template_card: card }, Sent);
    const code = String(r.response_code);
    expect(code.length).toBeGreaterThan(10);
    const dup = await rejection(app.post('message/send', { touser: active()[0].userid, msgtype: 'template_card', agentid: 1000002, template_card: card }, Sent));
    expect(dup.errcode).toBe(40058);
    const upd = { agentid: 1000002, response_code: code, button: { replace_name: '已同意' } };
    expect((await app.post('message/update_template_card', upd, Any)).errcode).toBe(0);
    expect((await rejection(app.post('message/update_template_card', upd, Any))).errcode).toBe(40058);
  });
});
