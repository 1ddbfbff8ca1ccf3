// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiagReport, JobView } from '../../../main/api/schemas';
import { basicsUnset, corp, fakeClient, now, renderApp } from './helpers';

const btn = (text: string) => new RegExp(`^${text.split('').join('\\s?')}$`);

describe('基础参数设置 (F0.1)', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('while unset, says so and marks the listener base as local only', async () => {
    renderApp(fakeClient({ 'basics.get': () => basicsUnset, 'corps.list': () => [] }), '#/basics');
    expect(await screen.findByText('请先在【基础参数设置】配置云桥对外域名')).toBeTruthy();
    expect(screen.getByText('http://127.0.0.1:8088')).toBeTruthy();
    expect(screen.getByText('本机地址，企业微信无法访问')).toBeTruthy();
  });

  it('asks for confirmation naming the affected features and corps, then saves with force', async () => {
    const client = fakeClient({
      'basics.get': () => basicsUnset,
      'corps.list': () => [corp()],
      'basics.assessAddress': ({ url }) => ({
        url,
        level: 'confirm',
        reason: 'privateAddress',
        affected: ['trustedDomain', 'ssoLinks', 'appHome', 'qrLogin', 'callbacks'],
        corpNames: ['演示企业'],
      }),
      'basics.setAddress': ({ url }) => ({ externalAddress: url, listenerBase: basicsUnset.listenerBase, assessment: null }),
    });
    renderApp(client, '#/basics');
    const field = await screen.findByLabelText('云桥对外域名');
    fireEvent.change(field, { target: { value: 'http://10.1.2.3:8088' } });
    fireEvent.click(screen.getByRole('button', { name: btn('保存') }));

    const dialog = await screen.findByRole('dialog');
    for (const text of ['【可信域名校验】', '免登链接', '【应用主页】', '【扫码登录】', '回调', '演示企业']) {
      expect(within(dialog).getByText(text)).toBeTruthy();
    }
    expect(client.callsOf('basics.setAddress')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: '仍然保存' }));
    await waitFor(() => expect(client.callsOf('basics.setAddress')).toEqual([{ url: 'http://10.1.2.3:8088', force: true }]));
  });

  it('saves an ok address without asking, and refuses a URL with a path inline', async () => {
    const client = fakeClient({
      'basics.get': () => basicsUnset,
      'corps.list': () => [],
      'basics.assessAddress': ({ url }) => ({ url, level: 'ok', reason: 'none', affected: [], corpNames: [] }),
      'basics.setAddress': ({ url }) => ({ externalAddress: url, listenerBase: null, assessment: null }),
    });
    renderApp(client, '#/basics');
    const field = await screen.findByLabelText('云桥对外域名');
    fireEvent.change(field, { target: { value: 'https://bridge.example.com/oa' } });
    fireEvent.click(screen.getByRole('button', { name: btn('保存') }));
    expect(await screen.findByText(/只填协议、主机和端口/)).toBeTruthy();
    expect(client.callsOf('basics.assessAddress')).toEqual([]);

    fireEvent.change(field, { target: { value: 'https://bridge.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: btn('保存') }));
    await waitFor(() => expect(client.callsOf('basics.setAddress')).toEqual([{ url: 'https://bridge.example.com', force: false }]));
    await waitFor(() => expect(screen.queryByText('请先在【基础参数设置】配置云桥对外域名')).toBeNull());
  });
});

describe('network diagnostics (F0.2)', () => {
  afterEach(cleanup);

  it('runs as a job, shows progress, then the report', async () => {
    const report: DiagReport = {
      corpId: 'c1',
      apiBase: 'https://qyapi.weixin.qq.com',
      host: 'qyapi.weixin.qq.com',
      steps: [
        { step: 'dns', status: 'ok', ms: 3, detail: '101.226.141.58' },
        { step: 'tcp', status: 'ok', ms: 20, detail: '' },
        { step: 'tls', status: 'ok', ms: 40, detail: '' },
        { step: 'gettoken', status: 'ok', ms: 60, detail: 'errcode 41002' },
        { step: 'inbound', status: 'skipped', ms: null, detail: '未配置云桥对外域名' },
      ],
      verdict: 'ok',
      verdictText: '网络正常：企业微信返回了 JSON（41002）',
      egressIp: '203.0.113.7',
      allowList: ['https://qyapi.weixin.qq.com'],
      manualChecks: ['ping qyapi.weixin.qq.com', 'curl https://qyapi.weixin.qq.com/cgi-bin/gettoken'],
    };
    let polls = 0;
    const job = (status: JobView['status']): JobView => ({
      id: 'j1', kind: 'diag', corpId: 'c1', status, phase: 'tls', done: 3, total: 5,
      result: status === 'succeeded' ? report : null, error: null, startedAt: now, finishedAt: null,
    });
    const client = fakeClient({
      'basics.get': () => basicsUnset,
      'corps.list': () => [corp()],
      'diag.start': () => ({ jobId: 'j1' }),
      'jobs.get': () => (++polls < 3 ? job('running') : job('succeeded')),
    });
    renderApp(client, '#/basics');
    fireEvent.click(await screen.findByRole('button', { name: '开始检测' }));
    await waitFor(() => expect(client.callsOf('diag.start')).toEqual([{ corpId: 'c1' }]));
    client.emit('job.progress', { jobId: 'j1', kind: 'diag', phase: 'tls', done: 3, total: 5 });
    expect(await screen.findByText('网络正常')).toBeTruthy();
    expect(screen.getByText('网络正常：企业微信返回了 JSON（41002）')).toBeTruthy();
    expect(screen.getByText('gettoken 接口')).toBeTruthy();
    expect(screen.getAllByText('203.0.113.7').length).toBeGreaterThan(0);
    expect(screen.getByText('ping qyapi.weixin.qq.com')).toBeTruthy();
    expect(screen.getByText('curl https://qyapi.weixin.qq.com/cgi-bin/gettoken')).toBeTruthy();
    expect(screen.getByText(/【应用管理】 → 应用 → 【开发者接口】 → 【企业可信IP】/)).toBeTruthy();
  });
});
