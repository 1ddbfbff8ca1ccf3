// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../main/sync/settings-schema';
import { ApiError } from '../../../renderer/api';
import { useLangStore } from '../../../renderer/i18n';
import { PushConfirmModal } from '../../../renderer/pages/contacts/simulate/PushConfirmModal';
import { summary } from './diff-fixtures';
import { basicsUnset, corp, fakeClient, renderApp, type Handlers } from './helpers';

const state = { pulledAt: '2026-11-25T08:00:00.000Z', pullComplete: true, pullError: null, departments: 4, users: 12, bound: 7 };

function contactsClient(more: Handlers = {}, settings = defaultSettings({ hasContactSecret: true })) {
  return fakeClient({
    'basics.get': () => basicsUnset,
    'corps.list': () => [corp()],
    'apps.list': () => [],
    'sync.config.get': () => settings,
    'sync.state': () => state,
    'mirror.depts': () => [],
    'mirror.users': () => ({ total: 0, users: [] }),
    'oa.depts': () => [],
    ...more,
  });
}

describe('push confirmation (F4.12)', () => {
  beforeEach(() => useLangStore.setState({ lang: 'zh-CN' }));
  afterEach(cleanup);

  it('stays disabled until the destructive count is typed exactly', async () => {
    const onConfirm = vi.fn();
    render(<AntApp><PushConfirmModal open summary={summary} toOA={false} onCancel={() => undefined} onConfirm={onConfirm} /></AntApp>);
    const ok = await screen.findByTestId('push-confirm-ok');
    expect((ok as HTMLButtonElement).disabled).toBe(true);
    const input = screen.getByTestId('push-confirm-count');
    fireEvent.change(input, { target: { value: '2' } });
    expect(await screen.findByText('输入不一致：请输入 3')).toBeTruthy();
    expect((ok as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { value: '3' } });
    await waitFor(() => expect((ok as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(ok);
    expect(onConfirm).toHaveBeenCalledWith({ confirm: 3, approveHeld: false });
  });

  it('a held plan needs an explicit approval naming the rule', async () => {
    const held = { ...summary, destructive: 0, safety: { ok: false, held: [{ rule: 'maxDisables', limit: 1, actual: 2, setting: 'safety.maxDisables', part: 'run' as const, message: '本次将禁用 2 名成员，超过每次上限 1' }] } };
    const onConfirm = vi.fn();
    render(<AntApp><PushConfirmModal open summary={held} toOA onCancel={() => undefined} onConfirm={onConfirm} /></AntApp>);
    const ok = (await screen.findByTestId('push-confirm-ok')) as HTMLButtonElement;
    expect(ok.disabled).toBe(true);
    expect(screen.getByText(/两|双向/)).toBeTruthy();
    const approve = screen.getByTestId('approve-maxDisables');
    expect(approve.textContent).toContain('单次禁用成员上限');
    expect(approve.textContent).toContain('【安全设置】→ 单次最多禁用成员');
    fireEvent.click(within(approve).getByRole('checkbox'));
    await waitFor(() => expect(ok.disabled).toBe(false));
    fireEvent.click(ok);
    expect(onConfirm).toHaveBeenCalledWith({ confirm: undefined, approveHeld: true });
  });
});

describe('通讯录管理 area', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('【只读】 disables the push with 「接口权限为只读」 but keeps 模拟同步 and 批量解绑', async () => {
    renderApp(contactsClient({}, { ...defaultSettings({ hasContactSecret: false }) }), '#/contacts/c1');
    const push = await screen.findByTestId('action-push');
    expect((push as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getAllByText('接口权限为只读').length).toBeGreaterThan(0);
    expect((screen.getByTestId('action-simulate') as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByRole('button', { name: '批量解绑' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('a pull before the interface is configured prompts 「请先配置接口参数设置」 and opens that tab', async () => {
    const client = contactsClient({
      'sync.pull': () => ({ jobId: 'j1' }),
      'jobs.get': () => ({ id: 'j1', kind: 'pull', corpId: 'c1', status: 'failed', phase: '', done: 0, total: 0, result: null, error: { code: 'not_configured', message: '请先配置接口参数设置' }, startedAt: state.pulledAt, finishedAt: state.pulledAt }),
    });
    renderApp(client, '#/contacts/c1');
    fireEvent.click(await screen.findByTestId('action-pull'));
    expect(await screen.findByText('请先配置接口参数设置')).toBeTruthy();
    await waitFor(() => expect(window.location.hash).toBe('#/contacts/c1/interface'));
    expect(await screen.findByTestId('form-interface')).toBeTruthy();
  });

  it('settings forms validate with the core schema and show the server refusal on the field', async () => {
    const client = contactsClient({
      'sync.config.set': (i) => {
        if (i.key === 'push.invite') throw new ApiError({ code: 'invalid_input', message: 'x', details: [{ path: 'push.invite', message: '【新用户是否邀请加入】需要先开启【新用户是否添加到企业微信】' }] });
        return { [i.key]: JSON.parse(i.value) };
      },
    });
    renderApp(client, '#/contacts/c1/push');
    const days = (await screen.findByLabelText('【禁用用户几天后删除】')) as HTMLInputElement;
    fireEvent.change(days, { target: { value: '1.5' } });
    expect(await screen.findByText('只支持正整数')).toBeTruthy();
    fireEvent.change(days, { target: { value: '7' } });
    await waitFor(() => expect(screen.queryByText('只支持正整数')).toBeNull());
    fireEvent.click(screen.getByLabelText('【新用户是否邀请加入】'));
    fireEvent.click(screen.getAllByRole('button', { name: /保\s?存/ })[0]);
    expect(await screen.findByText('【新用户是否邀请加入】需要先开启【新用户是否添加到企业微信】')).toBeTruthy();
    expect(client.callsOf('sync.config.set')).toEqual([
      { corpId: 'c1', key: 'push.invite', value: 'true' },
      { corpId: 'c1', key: 'push.deleteAfterDays', value: '7' },
    ]);
  });

  it('范围设置 always shows the irreversible-deletion warning', async () => {
    renderApp(contactsClient(), '#/contacts/c1/push');
    fireEvent.click(await screen.findByRole('tab', { name: '范围设置' }));
    expect((await screen.findByTestId('scope-warning')).textContent).toContain('不在范围内且已关联的部门或用户将从企业微信删除，删除不可逆转，请谨慎选择范围');
  });

  it('【批量解绑】 sends the typed count', async () => {
    const client = contactsClient({ 'bindings.removeAll': (i) => ({ removed: i.confirm ?? 0 }) });
    renderApp(client, '#/contacts/c1');
    fireEvent.click(await screen.findByRole('button', { name: '批量解绑' }));
    const ok = (await screen.findByTestId('batch-unbind-ok')) as HTMLButtonElement;
    expect(ok.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('batch-unbind-count'), { target: { value: '7' } });
    await waitFor(() => expect(ok.disabled).toBe(false));
    fireEvent.click(ok);
    await waitFor(() => expect(client.callsOf('bindings.removeAll')).toEqual([{ corpId: 'c1', confirm: 7 }]));
  });

  it('offers 体验演示企业 on a fresh install and opens its 通讯录管理', async () => {
    let corps: ReturnType<typeof corp>[] = [];
    const client = contactsClient({
      'corps.list': () => corps,
      'demo.status': () => ({ offered: corps.length === 0, running: false, corpId: null, simulatorUrl: null }),
      'demo.start': () => {
        corps = [corp({ id: 'demo1', name: '云桥演示科技有限公司' })];
        return { corpId: 'demo1', created: true };
      },
    });
    renderApp(client, '#/corps');
    fireEvent.click(await within(await screen.findByTestId('demo-card')).findByRole('button', { name: /体验演示企业/ }));
    await waitFor(() => expect(window.location.hash).toBe('#/contacts/demo1'));
    expect(await screen.findByText('通讯录管理 — 云桥演示科技有限公司')).toBeTruthy();
  });
});
