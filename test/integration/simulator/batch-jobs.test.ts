// media/upload of a CSV (multipart field `media`) and the async batch jobs that really run on it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSimulator, type SimulatorHandle } from '../../../main/simulator';
import { Any, clientFor, rejection } from './sim-helpers';

let sim: SimulatorHandle;
beforeEach(async () => {
  sim = await startSimulator({ seed: 'empty' });
});
afterEach(async () => {
  await sim.close();
});

async function upload(token: string, filename: string, content: string, type = 'file'): Promise<Record<string, unknown>> {
  const form = new FormData();
  form.append('media', new Blob([content], { type: 'text/csv' }), filename);
  const res = await fetch(`${sim.url}/cgi-bin/media/upload?access_token=${token}&type=${type}`, { method: 'POST', body: form });
  return (await res.json()) as Record<string, unknown>;
}

const Result = z.object({ status: z.number(), type: z.string(), total: z.number(), percentage: z.number(), result: z.array(Any) });

async function waitDone(jobid: string) {
  const c = clientFor(sim, sim.contactSecret);
  const seen = new Set<number>();
  for (let i = 0; i < 200; i++) {
    const r = await c.get('batch/getresult', { jobid }, Result);
    seen.add(r.status);
    if (r.status === 3) return { ...r, seen };
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error('job did not finish');
}

describe('media/upload', () => {
  it('stores a file part named media and answers type, media_id, created_at', async () => {
    const token = await clientFor(sim, sim.contactSecret).token();
    const r = await upload(token, 'users.csv', '姓名,帐号\n张三,zhangsan\n');
    expect(r).toMatchObject({ errcode: 0, type: 'file' });
    expect(String(r.media_id).length).toBeGreaterThan(10);
    expect(String(r.created_at)).toMatch(/^\d{10}$/);
    expect((await upload(token, 'a.csv', 'tiny')).errcode).toBe(40006);
    expect((await upload(token, 'a.txt', 'not an image', 'image')).errcode).toBe(40005);
  });
});

describe('batch jobs', () => {
  it('replaceparty then syncuser build the directory asynchronously; getresult reports per row', async () => {
    const c = clientFor(sim, sim.contactSecret);
    const token = await c.token();
    const parties = ['部门名称,部门ID,父部门ID,排序', '研发部,2,1,10', '前端组,3,2,5', '后端组,4,2,4', '销售部,5,1,8'].join('\n');
    const p = await upload(token, 'party.csv', parties);
    const pj = await c.post('batch/replaceparty', { media_id: p.media_id }, z.object({ jobid: z.string() }));
    const pr = await waitDone(pj.jobid);
    expect(pr.type).toBe('replace_party');
    expect(pr.total).toBeGreaterThanOrEqual(4);
    expect(sim.state.dept(3)?.parentid).toBe(2);

    const users = [
      '姓名,帐号,手机号,邮箱,所在部门,职位,性别',
      '张三,zhangsan,13800000001,zhangsan@example.com,3,前端工程师,男',
      '李四,lisi,13800000002,,"3;4",后端工程师,男',
      '王五,wangwu,13800000003,,9999,销售,女',
    ].join('\n');
    const u = await upload(token, 'users.csv', users);
    const uj = await c.post('batch/syncuser', { media_id: u.media_id, to_invite: false }, z.object({ jobid: z.string() }));
    const ur = await waitDone(uj.jobid);
    expect(ur.type).toBe('sync_user');
    expect(ur.result).toEqual([
      { userid: 'zhangsan', errcode: 0, errmsg: 'ok' },
      { userid: 'lisi', errcode: 0, errmsg: 'ok' },
      expect.objectContaining({ userid: 'wangwu', errcode: 60003 }),
    ]);
    expect(sim.state.user('lisi')?.department).toEqual([3, 4]);
    expect(sim.state.user('zhangsan')?.gender).toBe('1');
  });

  it('replaceuser deletes members missing from the file, refusing to delete too many (45026)', async () => {
    const c = clientFor(sim, sim.contactSecret);
    for (let i = 0; i < 10; i++) await c.post('user/create', { userid: `m${i}`, name: `成员${i}`, department: [1], mobile: `1380000010${i}` }, Any);
    const token = await c.token();
    const keepNine = ['姓名,帐号,手机号,所在部门', ...Array.from({ length: 9 }, (_, i) => `成员${i},m${i},1380000010${i},1`)].join('\n');
    const ok = await waitDone((await c.post('batch/replaceuser', { media_id: (await upload(token, 'u.csv', keepNine)).media_id }, z.object({ jobid: z.string() }))).jobid);
    expect(ok.result.length).toBe(9);
    expect(sim.state.user('m9')).toBeUndefined();
    const keepOne = ['姓名,帐号,手机号,所在部门', '成员0,m0,13800000100,1'].join('\n');
    const job = (await c.post('batch/replaceuser', { media_id: (await upload(token, 'u.csv', keepOne)).media_id }, z.object({ jobid: z.string() }))).jobid;
    await waitDone(job);
    expect(sim.state.users.size).toBe(9); // 8 of 9 is over 80 %: refused
  });

  it('answers 40088 for an unknown jobid, 40007 for an unknown media_id, 48002 for app secrets', async () => {
    const c = clientFor(sim, sim.contactSecret);
    expect((await rejection(c.get('batch/getresult', { jobid: 'nope' }, Any))).errcode).toBe(40088);
    expect((await rejection(c.post('batch/syncuser', { media_id: 'nope' }, Any))).errcode).toBe(40007);
    const app = clientFor(sim, sim.apps[0].secret, 'app');
    expect((await rejection(app.post('batch/syncuser', { media_id: 'nope' }, Any))).errcode).toBe(48002);
  });
});
