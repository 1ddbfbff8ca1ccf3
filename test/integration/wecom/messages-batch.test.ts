import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBatchResult, replaceParties, syncUsers, uploadCsv, uploadMedia, waitForBatchJob } from '../../../main/wecom/api/batch';
import { WeComValidationError } from '../../../main/wecom/api/common';
import { getUser } from '../../../main/wecom/api/contacts';
import { recallMessage, sendMessage, updateTemplateCard } from '../../../main/wecom/api/messages';
import { WeComError } from '../../../main/wecom/wecom-error';
import { openHarness, type Harness } from './sim-harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

const activeUserids = () =>
  [...h.sim.state.users.values()].filter((u) => u.enable === 1 && !u.quit).map((u) => u.userid);
const sentCount = () => h.sim.state.messages.size;

describe('message/send', () => {
  it('text to users and a department; invalid users come back lower-cased, delivery goes on', async () => {
    const [a, b] = activeUserids();
    const r = await sendMessage(h.app, {
      agentid: h.agentid,
      to: { touser: [a, b, 'No-Such-User'], toparty: [2] },
      message: { msgtype: 'text', text: { content: '集成测试：你好' } },
    });
    expect(r.msgids).toHaveLength(1);
    expect(r.invaliduser).toEqual(['no-such-user']);
    expect(h.sim.state.messages.get(r.msgids[0])?.recipients).toEqual(expect.arrayContaining([a.toLowerCase(), b.toLowerCase()]));
  });

  it('textcard, news and an interactive template card (its response_code updates the card)', async () => {
    const to = { touser: activeUserids().slice(0, 2) };
    const card = await sendMessage(h.app, {
      agentid: h.agentid,
      to,
      message: { msgtype: 'textcard', textcard: { title: '审批通知', description: '<div class="gray">2024年1月1日</div>', url: 'https://oa.example.com/a/1', btntxt: '详情' } },
    });
    expect(card.msgids).toHaveLength(1);
    const news = await sendMessage(h.app, {
      agentid: h.agentid,
      to,
      message: { msgtype: 'news', news: { articles: [{ title: '公司新闻', url: 'https://news.example.com/1', picurl: 'https://news.example.com/1.png' }] } },
    });
    expect(news.msgids).toHaveLength(1);
    const tc = await sendMessage(h.app, {
      agentid: h.agentid,
      to,
      message: {
        msgtype: 'template_card',
        template_card: {
          card_type: 'button_interaction',
          task_id: `it${Date.now()}`,
          main_title: { title: '请审批' },
          button_list: [{ text: '同意', style: 1, key: 'yes' }],
        },
      },
    });
    expect(tc.responseCodes).toHaveLength(1);
    const upd = await updateTemplateCard(h.app, { agentid: h.agentid, response_code: tc.responseCodes[0], atall: 1, button: { replace_name: '已处理' } });
    expect(upd.invaliduser).toEqual([]);
  });

  it('length limits are checked before anything is sent', async () => {
    const before = sentCount();
    await expect(
      sendMessage(h.app, { agentid: h.agentid, to: { touser: activeUserids().slice(0, 1) }, message: { msgtype: 'text', text: { content: '长'.repeat(700) } } }),
    ).rejects.toBeInstanceOf(WeComValidationError);
    await expect(sendMessage(h.app, { agentid: h.agentid, to: { touser: [] }, message: { msgtype: 'text', text: { content: 'x' } } })).rejects.toThrow('没有接收人');
    expect(sentCount()).toBe(before);
  });

  it('more than 1000 recipients go in calls of ≤ 1000; a call whose recipients are all invalid (81013) does not stop the send', async () => {
    const real = activeUserids();
    expect(real.length).toBeLessThan(1000);
    const fake = Array.from({ length: 1100 }, (_, i) => `ghost${i}`);
    const before = sentCount();
    const r = await sendMessage(h.app, { agentid: h.agentid, to: { touser: [...real, ...fake] }, message: { msgtype: 'text', text: { content: '批量' } } });
    // Call 1: the real users + 1000 − n ghosts → delivered; call 2: only ghosts → 81013, counted as invalid.
    expect(r.msgids).toHaveLength(1);
    expect(sentCount()).toBe(before + 1);
    expect(r.invaliduser).toHaveLength(1100);
    expect(h.sim.state.messages.get(r.msgids[0])?.recipients).toHaveLength(real.length);
  });

  it('two calls both delivered: one msgid each', async () => {
    const real = activeUserids();
    const fake = Array.from({ length: 1000 - real.length + 5 }, (_, i) => `ghost${i}`);
    const r = await sendMessage(h.app, {
      agentid: h.agentid,
      to: { touser: [...real.slice(0, -5), ...fake, ...real.slice(-5)] },
      message: { msgtype: 'text', text: { content: '两批' } },
    });
    expect(r.msgids).toHaveLength(2);
    expect(r.invaliduser).toHaveLength(fake.length);
  });

  it('all recipients invalid → 81013; another app’s agentid → 301002', async () => {
    const e = (await sendMessage(h.app, { agentid: h.agentid, to: { touser: ['ghost-a', 'ghost-b'] }, message: { msgtype: 'text', text: { content: 'x' } } }).catch(
      (x: unknown) => x,
    )) as WeComError;
    expect(e.errcode).toBe(81013);
    const other = h.sim.apps[1].agentid;
    const e2 = (await sendMessage(h.app, { agentid: other, to: { touser: activeUserids().slice(0, 1) }, message: { msgtype: 'text', text: { content: 'x' } } }).catch(
      (x: unknown) => x,
    )) as WeComError;
    expect(e2.errcode).toBe(301002);
  });

  it('recall within 24 h; after that 42052', async () => {
    const to = { touser: activeUserids().slice(0, 1) };
    const r1 = await sendMessage(h.app, { agentid: h.agentid, to, message: { msgtype: 'text', text: { content: '将被撤回' } } });
    await recallMessage(h.app, r1.msgids[0]);
    expect(h.sim.state.messages.get(r1.msgids[0])?.recalled).toBe(true);
    const r2 = await sendMessage(h.app, { agentid: h.agentid, to, message: { msgtype: 'text', text: { content: '太晚了' } } });
    await h.admin('POST', 'clock', { advanceSec: 25 * 3600 });
    expect(((await recallMessage(h.app, r2.msgids[0]).catch((x: unknown) => x)) as WeComError).errcode).toBe(42052);
  });

  it('the contacts-sync secret cannot send (48002)', async () => {
    const e = (await sendMessage(h.contact, { agentid: h.agentid, to: { touser: ['a'] }, message: { msgtype: 'text', text: { content: 'x' } } }).catch(
      (x: unknown) => x,
    )) as WeComError;
    expect(e.errcode).toBe(48002);
  });
});

describe('media upload and batch jobs', () => {
  it('uploads a file (multipart field `media`) and refuses a too-small one before sending', async () => {
    const m = await uploadMedia(h.app, { type: 'file', filename: '说明.txt', content: Buffer.from('hello, wecom bridge') });
    expect(m.media_id.length).toBeGreaterThan(10);
    expect(m.type).toBe('file');
    await expect(uploadMedia(h.app, { type: 'file', filename: 'a.txt', content: Buffer.from('abc') })).rejects.toBeInstanceOf(WeComValidationError);
  });

  it('syncuser: CSV upload, job, polling until done, members created', async () => {
    const csv = ['姓名,帐号,手机号,邮箱,所在部门', '批量一,it-batch-1,13900000001,,2', '批量二,it-batch-2,,it-batch-2@example.com,2;3'].join('\n');
    const mediaId = await uploadCsv(h.contact, 'batch_user_sample.csv', csv);
    const jobid = await syncUsers(h.contact, { media_id: mediaId, to_invite: false });
    const progress: number[] = [];
    const done = await waitForBatchJob(h.contact, jobid, { intervalMs: 20, timeoutMs: 10_000, onProgress: (r) => progress.push(r.status) });
    expect(done.status).toBe(3);
    expect(done.result.every((r) => r.errcode === 0)).toBe(true);
    expect((await getUser(h.contact, 'it-batch-2')).department).toEqual([2, 3]);
    expect((await getBatchResult(h.contact, jobid)).status).toBe(3);
  });

  it('replaceparty with an unknown media_id → 40007; getresult of an unknown job → 40088', async () => {
    expect(((await replaceParties(h.contact, { media_id: 'nope' }).catch((x: unknown) => x)) as WeComError).errcode).toBe(40007);
    expect(((await getBatchResult(h.contact, 'no-such-job').catch((x: unknown) => x)) as WeComError).errcode).toBe(40088);
  });
});
