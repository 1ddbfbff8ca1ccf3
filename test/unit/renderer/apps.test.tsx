// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppView } from '../../../main/api/schemas';
import { app, basicsUnset, corp, fakeClient, renderApp } from './helpers';

describe('apps under a corp (F2.1, F2.2)', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('adds an app, validates it and explains 60020 with the path and the caller IP', async () => {
    let stored: AppView | null = null;
    const client = fakeClient({
      'basics.get': () => basicsUnset,
      'corps.list': () => [corp()],
      'apps.list': () => (stored ? [stored] : []),
      'apps.create': (i) => (stored = app({ name: i.name, agentid: Number(i.agentid) })),
      'apps.get': () => stored!,
      'apps.validate': () => {
        stored = app({ egressIp: '203.0.113.9', validation: { ok: false, agentName: null, errcode: 60020, message: 'not allow' } });
        return {
          ok: false,
          errcode: 60020,
          message: 'not allow to access from your ip, hint: [x], from ip: 203.0.113.9, more info at https://open.work.weixin.qq.com/devtool/query?e=60020',
          hint: null,
          egressIp: '203.0.113.9',
          tookMs: 12,
        };
      },
    });
    renderApp(client, '#/corps/c1');
    fireEvent.click(await screen.findByRole('button', { name: /添加应用/ }));
    expect(await screen.findByText('「【应用管理】 → 【创建应用】，在应用详情获取 AgentID 与 Secret」')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('应用名称'), { target: { value: 'OA 门户' } });
    fireEvent.change(screen.getByLabelText('AgentID'), { target: { value: '1000002' } });
    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: 's3cret' } });
    fireEvent.click(screen.getByRole('button', { name: '保存并校验' }));

    await waitFor(() => expect(client.callsOf('apps.validate')).toEqual([{ appId: 'a1' }]));
    expect(client.callsOf('apps.create')[0]).toMatchObject({ corpId: 'c1', name: 'OA 门户', agentid: '1000002', secret: 's3cret' });
    expect(await screen.findByText(/企业微信返回错误码 60020/)).toBeTruthy();
    expect(screen.getAllByText(/【应用管理】 → 应用 → 【开发者接口】 → 【企业可信IP】/).length).toBeGreaterThan(0);
    expect(screen.getAllByText('203.0.113.9').length).toBeGreaterThan(0);
  });

  it('shows an unknown 公网IP with 【检测】', async () => {
    renderApp(
      fakeClient({ 'basics.get': () => basicsUnset, 'corps.list': () => [corp()], 'apps.list': () => [app()] }),
      '#/corps/c1',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'OA 门户' }));
    expect(await screen.findByRole('button', { name: /检\s?测/ })).toBeTruthy();
  });
});
