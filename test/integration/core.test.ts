import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesContaining } from '../helpers/tmp';
import { openTestCore, type TestCore } from '../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(async () => {
  await t.close();
});

const privateCorp = { name: '私有化企业', corpid: 'ww0123456789', kind: 'private' as const, apiBase: 'http://10.9.8.7:8080/' };

describe('core: corps and apps over a real SQLite file', () => {
  it('creates, lists, edits and removes a corp; secrets are reported as set, never returned', async () => {
    const c = await t.call('corps.create', { ...privateCorp, contactSecret: 'CONTACT-SECRET-abc123' });
    expect(c.apiBase).toBe('http://10.9.8.7:8080');
    expect(c.hasContactSecret).toBe(true);
    expect(JSON.stringify(c)).not.toContain('CONTACT-SECRET');
    expect((await t.call('corps.list', {})).map((x) => x.id)).toEqual([c.id]);

    const renamed = await t.call('corps.update', { corpId: c.id, name: '改名企业' });
    expect(renamed.name).toBe('改名企业');
    expect(renamed.hasContactSecret).toBe(true); // absent = keep
    const cleared = await t.call('corps.update', { corpId: c.id, contactSecret: null });
    expect(cleared.hasContactSecret).toBe(false);

    await t.call('corps.remove', { corpId: c.id });
    expect(await t.call('corps.list', {})).toEqual([]);
  });

  it('no secret is ever written in clear under the data dir (db, WAL, logs)', async () => {
    const c = await t.call('corps.create', { ...privateCorp, contactSecret: 'CONTACT-SECRET-zz9', customerSecret: 'CUSTOMER-SECRET-yy8' });
    await t.call('apps.create', { corpId: c.id, name: '审批', agentid: 1000002, secret: 'APP-SECRET-xx7' });
    await t.core.dispatch('corps.test', { corpId: c.id }); // fails (nothing listens) and logs
    for (const s of ['CONTACT-SECRET-zz9', 'CUSTOMER-SECRET-yy8', 'APP-SECRET-xx7']) expect(filesContaining(t.dataDir, s)).toEqual([]);
  });

  it('refuses the public API base for a private deployment, changing nothing', async () => {
    const r = await t.core.dispatch('corps.create', { ...privateCorp, apiBase: 'https://qyapi.weixin.qq.com' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '私有化部署的企业微信需要修改API服务地址' } });
    const c = await t.call('corps.create', privateCorp);
    const r2 = await t.core.dispatch('corps.update', { corpId: c.id, apiBase: 'https://qyapi.weixin.qq.com' });
    expect(r2.ok).toBe(false);
    expect((await t.call('corps.get', { corpId: c.id })).apiBase).toBe('http://10.9.8.7:8080');
  });

  it('validates CorpID, URLs and CA certificates at the boundary', async () => {
    const bad = [
      { ...privateCorp, corpid: 'ww-bad!' },
      { ...privateCorp, apiBase: 'ftp://x' },
      { ...privateCorp, apiBase: 'http://x/?a=1' },
      { ...privateCorp, proxyUrl: 'not a url' },
      { ...privateCorp, caPem: 'hello' },
      { ...privateCorp, name: '' },
    ];
    for (const input of bad) expect((await t.core.dispatch('corps.create', input)).ok).toBe(false);
    expect(await t.call('corps.list', {})).toEqual([]);
  });

  it('refuses a second corp with the same CorpID and an app with a duplicate AgentID', async () => {
    const c = await t.call('corps.create', privateCorp);
    expect(await t.core.dispatch('corps.create', { ...privateCorp, name: 'dup' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await t.call('apps.create', { corpId: c.id, name: 'A', agentid: 1000002, secret: 's1' });
    expect(await t.core.dispatch('apps.create', { corpId: c.id, name: 'B', agentid: '1000002', secret: 's2' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('apps belong to a corp and go with it', async () => {
    const c = await t.call('corps.create', privateCorp);
    const a = await t.call('apps.create', { corpId: c.id, name: '通知', agentid: '1000005', secret: 'sec' });
    expect(a.agentid).toBe(1000005);
    expect(a.validation).toBeNull();
    expect(await t.core.dispatch('apps.create', { corpId: 'c_nope', name: 'x', agentid: 1, secret: 's' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await t.call('corps.remove', { corpId: c.id });
    expect(await t.call('apps.list', {})).toEqual([]);
  });

  it('unknown methods and prototype names are refused', async () => {
    for (const m of ['nope', '__proto__', 'constructor', 'toString']) expect((await t.core.dispatch(m, {})).ok).toBe(false);
  });

  it('the external address needs confirmation for an intranet IP while a public corp exists', async () => {
    await t.call('corps.create', { name: '公网', corpid: 'wwpub', kind: 'public' });
    const r = await t.core.dispatch('basics.setAddress', { url: 'http://10.1.2.3:8088' });
    expect(r).toMatchObject({ ok: false, error: { code: 'needs_confirmation' } });
    expect((await t.call('basics.get', {})).externalAddress).toBeNull();
    const saved = await t.call('basics.setAddress', { url: 'http://10.1.2.3:8088', force: true });
    expect(saved.externalAddress).toBe('http://10.1.2.3:8088');
    expect(saved.assessment?.level).toBe('confirm');
    expect((await t.core.dispatch('basics.setAddress', { url: 'https://x.example.com/path' })).ok).toBe(false);
  });

  it('diagnostics run as a job with progress events and a report naming the failure', async () => {
    const c = await t.call('corps.create', { ...privateCorp, apiBase: 'http://127.0.0.1:1' });
    const events: string[] = [];
    t.core.onEvent((name) => events.push(name));
    const { jobId } = await t.call('diag.start', { corpId: c.id });
    expect((await t.call('diag.start', { corpId: c.id })).jobId).toBe(jobId); // already running → same job
    const job = await t.core.services.jobs.wait(jobId);
    expect(job?.status).toBe('succeeded');
    const report = job!.result as { verdict: string; steps: { step: string; status: string }[]; manualChecks: string[] };
    expect(report.verdict).toBe('network_fail');
    expect(report.steps.find((s) => s.step === 'tcp')?.status).toBe('fail');
    expect(report.manualChecks.join(' ')).toContain('curl "http://127.0.0.1:1/cgi-bin/gettoken"');
    expect(events).toContain('job.progress');
    expect(events).toContain('job.finished');
    expect((await t.call('jobs.get', { jobId })).status).toBe('succeeded');
  });
});
