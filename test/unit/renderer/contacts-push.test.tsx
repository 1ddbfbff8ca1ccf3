// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../../main/api/schemas';
import { defaultSettings } from '../../../main/sync/settings-schema';
import { explainErrcode } from '../../../main/wecom/errcodes';
import { smallTree, summary } from './diff-fixtures';
import { basicsUnset, corp, fakeClient, renderApp, type Handlers } from './helpers';

const at = '2026-11-25T08:00:00.000Z';
const failure = { op: 'createUser', target: 'zhangsan', errcode: 60104, message: 'mobile existed' };
const job = (over: Partial<JobView>): JobView => ({ id: 'j9', kind: 'push', corpId: 'c1', status: 'running', phase: 'apply', done: 0, total: 6, result: null, error: null, startedAt: at, finishedAt: null, ...over });

function client(more: Handlers) {
  return fakeClient({
    'basics.get': () => basicsUnset,
    'corps.list': () => [corp()],
    'sync.config.get': () => defaultSettings({ hasContactSecret: true }),
    'sync.state': () => ({ pulledAt: at, pullComplete: true, pullError: null, departments: 4, users: 12, bound: 7 }),
    'sync.simulate': () => ({ summary, stop: null }),
    'sync.diffTree': () => smallTree(),
    'mirror.depts': () => [],
    'sync.push': () => ({ jobId: 'j9' }),
    'sync.pushStatus': () => ({ run: 'r1', status: 'running', total: 6, done: 3, failed: [failure], held: 0, pending: 2 }),
    ...more,
  });
}

async function simulateAndConfirm() {
  fireEvent.click(await screen.findByTestId('action-simulate'));
  await screen.findByTestId('org-diff');
  fireEvent.click(screen.getByTestId('push-open'));
  fireEvent.change(await screen.findByTestId('push-confirm-count'), { target: { value: '3' } });
  await waitFor(() => expect((screen.getByTestId('push-confirm-ok') as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(screen.getByTestId('push-confirm-ok'));
}

describe('simulate → confirm → apply (F4.10, F4.12)', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('shows live progress (phase, done/total, errors so far) and the result with errcode explanations', async () => {
    let finished = false;
    const c = client({
      'jobs.get': () => (finished ? job({ status: 'succeeded', done: 6, finishedAt: at, result: { run: 'r1', status: 'partial', done: 5, failed: [failure] } }) : job({})),
    });
    renderApp(c, '#/contacts/c1/simulate');
    await simulateAndConfirm();
    await waitFor(() => expect(c.callsOf('sync.push')).toEqual([{ corpId: 'c1', hash: summary.hash, confirm: 3, approveHeld: false }]));
    c.emit('job.progress', { jobId: 'j9', kind: 'push', phase: 'apply', done: 3, total: 6 });
    const live = await screen.findByTestId('push-progress');
    await waitFor(() => expect(live.textContent).toContain('3/6'));
    expect(live.textContent).toContain('写入企业微信');
    await waitFor(() => expect(within(live).getByTestId('push-failures').textContent).toContain('60104'));
    finished = true;
    c.emit('job.finished', job({ status: 'succeeded', done: 6, finishedAt: at, result: { run: 'r1', status: 'partial', done: 5, failed: [failure] } }));
    const result = await screen.findByTestId('push-result');
    expect(result.textContent).toContain('部分完成');
    expect(result.textContent).toContain('成功 5 项，失败 1 项');
    expect(result.textContent).toContain(explainErrcode(60104, { lang: 'zh-CN', secretKind: 'contact', errmsg: 'mobile existed' }).message);
  });

  it('refuses a stale plan and offers 「重新模拟」', async () => {
    const stale = job({ status: 'failed', finishedAt: at, error: { code: 'stale_plan', message: '企业微信或 OA 在模拟之后发生了变化，计划已过期：请重新模拟（simulate again）' } });
    const c = client({ 'jobs.get': () => stale });
    renderApp(c, '#/contacts/c1/simulate');
    await simulateAndConfirm();
    const again = await screen.findByTestId('resimulate');
    expect(screen.getByTestId('push-result').textContent).toContain('计划已过期');
    expect((screen.getByTestId('push-open') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(again);
    await waitFor(() => expect(c.callsOf('sync.simulate')).toHaveLength(2));
  });
});
