// @vitest-environment happy-dom
// 【回调设置】 screen (F6): URL/Token/EncodingAESKey with copy and 「URL 已验证」, 【是否开启应用回调】, reply rules
// (new, 【启用】, batch delete) and the live callback log; zh-CN and en-US.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallbackLogEntry, CallbackSettingsView, ReplyRuleView } from '../../../main/api/callback-contract';
import { app, basicsUnset, corp, fakeClient, now, renderApp } from '../renderer/helpers';

const settings = (kind: CallbackSettingsView['kind'], refId: string, over: Partial<CallbackSettingsView> = {}): CallbackSettingsView => ({
  kind,
  refId,
  corpId: 'c1',
  appId: kind === 'app' ? refId : null,
  url: `http://127.0.0.1:8088/callback/${kind}/${refId}`,
  local: true,
  token: `TOKEN${kind}`,
  encodingAESKey: `${kind}`.padEnd(43, 'K'),
  replies: kind === 'app' ? false : null,
  verifiedAt: null,
  updatedAt: now,
  ...over,
});

const rule = (over: Partial<ReplyRuleView>): ReplyRuleView => ({
  id: 'r1', appId: 'a1', name: '报销', action: 'text', match: 'contains', keyword: '报销', reply: '请走 OA', priority: 5, enabled: true, createdAt: now, updatedAt: now, ...over,
});

const entry = (seq: number, over: Partial<CallbackLogEntry> = {}): CallbackLogEntry => ({
  seq, at: now, source: '127.0.0.1', method: 'POST', path: '/callback/app/a1', kind: 'app', corpId: 'c1', appId: 'a1', outcome: 'accepted', reason: null, status: 200,
  msgType: 'text', event: null, changeType: null, fromUser: 'zhangsan', replied: true, fields: { Content: '我要报销' }, ms: 1, ...over,
});

function client(over: Parameters<typeof fakeClient>[0] = {}) {
  let rules = [rule({}), rule({ id: 'r2', name: '兜底', match: 'any', keyword: null, priority: 100 })];
  let appSettings = settings('app', 'a1', { verifiedAt: '2025-07-15T08:30:00.000Z' });
  return fakeClient({
    'basics.get': () => basicsUnset,
    'corps.list': () => [corp()],
    'apps.list': () => [app()],
    'callbacks.overview': () => ({ contacts: settings('contacts', 'c1'), customer: settings('customer', 'c1'), apps: [{ appId: 'a1', name: 'OA 门户', agentid: 1000002, settings: appSettings }] }),
    'callbacks.set': (i) => (appSettings = { ...appSettings, replies: i.replies ?? appSettings.replies, token: i.regenerate ? 'NEWTOKEN' : appSettings.token }),
    'replyRules.list': () => rules,
    'replyRules.add': (i) => {
      const r = rule({ id: 'r3', name: i.name, match: i.match ?? null, keyword: i.keyword ?? null, reply: i.reply, priority: i.priority ?? 100 });
      rules = [...rules, r];
      return r;
    },
    'replyRules.update': (i) => rules.find((r) => r.id === i.id)!,
    'replyRules.remove': (i) => {
      rules = rules.filter((r) => !i.ids.includes(r.id));
      return { removed: i.ids.length };
    },
    'callbacks.log': () => ({ entries: [entry(1)], counters: { received: 1, accepted: 1, verified: 0, duplicates: 0, replies: 1, rejected: 0, byReason: {}, routeErrors: 0, since: now } }),
    ...over,
  });
}

describe('【回调设置】 screen', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('shows the app callback with copy buttons, 「URL 已验证」, the local-address mark and the console path', async () => {
    renderApp(client(), '#/callbacks');
    expect(await screen.findByText('http://127.0.0.1:8088/callback/app/a1')).toBeTruthy();
    expect(screen.getByText('TOKENapp')).toBeTruthy();
    expect(screen.getByText(/URL 已验证（/)).toBeTruthy();
    expect(screen.getAllByText('本机地址，企业微信无法访问').length).toBeGreaterThan(0);
    expect(screen.getByText(/【应用管理】 → 应用 → 【接收消息】 → 【设置API接收】/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /复制|copy/i }).length).toBeGreaterThanOrEqual(3);
  });

  it('turns 【是否开启应用回调】 on and adds a rule through the form (keyword required)', async () => {
    const c = client();
    renderApp(c, '#/callbacks');
    fireEvent.click(await screen.findByRole('switch', { name: '是否开启应用回调' }));
    await waitFor(() => expect(c.callsOf('callbacks.set')).toEqual([{ kind: 'app', id: 'a1', replies: true }]));
    fireEvent.click(screen.getByRole('button', { name: /新\s?建/ }));
    fireEvent.change(await screen.findByLabelText('规则名称'), { target: { value: '请假' } });
    fireEvent.change(screen.getByLabelText('回复内容'), { target: { value: '请假请走 OA 流程' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s?存/ }));
    expect(await screen.findByText('关键字必填')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('关键字'), { target: { value: '请假' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(c.callsOf('replyRules.add')).toEqual([expect.objectContaining({ appId: 'a1', name: '请假', action: 'text', match: 'contains', keyword: '请假', reply: '请假请走 OA 流程', priority: 100, enabled: true })]));
  });

  it('batch-deletes selected rules', async () => {
    const c = client();
    renderApp(c, '#/callbacks');
    const table = (await screen.findByText('兜底')).closest('table')!;
    for (const box of within(table).getAllByRole('checkbox').slice(1)) fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: /批量删除/ }));
    fireEvent.click(await screen.findByRole('button', { name: /^OK$|确\s?定/ }));
    await waitFor(() => expect(c.callsOf('replyRules.remove')).toEqual([{ ids: ['r1', 'r2'] }]));
  });

  it('the callback log updates live from `callback.log` events, in English too', async () => {
    const c = client();
    renderApp(c, '#/callbacks', 'en-US');
    fireEvent.click(await screen.findByRole('tab', { name: 'Callback log' }));
    expect(await screen.findByText(/text · zhangsan/)).toBeTruthy();
    c.emit('callback.log', { entries: [entry(2, { outcome: 'rejected', reason: 'signature', status: 400, msgType: null, fromUser: null, replied: false, fields: {} })] });
    expect(await screen.findByText('signature')).toBeTruthy();
    expect(screen.getByText('Refused 400')).toBeTruthy();
  });
});
