// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basicsUnset, corp, fakeClient, renderApp } from './helpers';

const zhMenu = ['企业微信集成', '通讯录同步', '消息推送', '考勤同步', '扫码登录', '客户管理', '消息存档', '回调设置', '其他设置', '基础参数设置'];

describe('app shell', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('shows the manual menu in order, in Chinese by default', async () => {
    renderApp(fakeClient({ 'corps.list': () => [], 'basics.get': () => basicsUnset }));
    const menu = await screen.findByRole('menu');
    // Under load antd may still be settling its menu items on the first pass: wait for the final list.
    await waitFor(() => expect(within(menu).getAllByRole('menuitem').map((li) => li.textContent?.trim())).toEqual(zhMenu));
    expect(screen.getByText('云桥 · 企业微信集成')).toBeTruthy();
  });

  it('switches the menu to English and remembers the choice', async () => {
    renderApp(fakeClient({ 'corps.list': () => [], 'basics.get': () => basicsUnset }));
    fireEvent.click(await screen.findByText('English'));
    const menu = await screen.findByRole('menu');
    await waitFor(() => expect(within(menu).getByText('WeCom integration')).toBeTruthy());
    expect(within(menu).getByText('Basic settings')).toBeTruthy();
    expect(within(menu).queryByText('企业微信集成')).toBeNull();
    expect(screen.getByText('WeCom Bridge')).toBeTruthy();
    expect(localStorage.getItem('wecom-bridge.lang')).toBe('en-US');
  });

  it('says plainly that an unbuilt area is not available, naming the SPEC feature', async () => {
    const client = fakeClient({});
    renderApp(client, '#/messages');
    expect(await screen.findByText('该功能尚在开发中，本版本暂不可用')).toBeTruthy();
    expect(screen.getByText(/F3/)).toBeTruthy();
    expect(client.calls).toEqual([]); // no fake data, no calls
  });

  it('re-reads the corp list when the core reports corps.changed (CLI, another window)', async () => {
    let corps = [corp()];
    const client = fakeClient({ 'corps.list': () => corps, 'basics.get': () => basicsUnset });
    renderApp(client);
    expect(await screen.findByText('演示企业')).toBeTruthy();
    corps = [...corps, corp({ id: 'c2', name: '命令行添加的企业' })];
    client.emit('corps.changed', { corpId: 'c2' });
    expect(await screen.findByText('命令行添加的企业')).toBeTruthy();
  });
});
