// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '../../../main/api/contract';
import { PRIVATE_NEEDS_OWN_BASE } from '../../../main/api/schemas';
import { toUpdateInput, initialValues } from '../../../renderer/pages/corps/corp-form-model';
import { basicsUnset, corp, fakeClient, renderApp } from './helpers';

/** antd puts a space between two CJK characters on some buttons; match either way. */
function btn(text: string): RegExp {
  return new RegExp(`^${text.split('').join('\\s?')}$`);
}

function input(label: string): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

async function pickKind(label: string) {
  const select = screen.getByLabelText('类型');
  fireEvent.mouseDown(select);
  fireEvent.click(await screen.findByTitle(label));
}

describe('corp form (F1.1)', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('refuses the public API base for a private deployment, on the field, then creates with an own base', async () => {
    const client = fakeClient({
      'corps.list': () => [],
      'basics.get': () => basicsUnset,
      'corps.create': (i: In<'corps.create'>) => corp({ id: 'c9', name: i.name, corpid: i.corpid, kind: i.kind ?? 'public', apiBase: i.apiBase! }),
    });
    renderApp(client);
    fireEvent.click(await screen.findByRole('button', { name: /新建企业微信/ }));
    await screen.findByText('【我的企业】', { exact: false });
    fireEvent.change(input('企业名称'), { target: { value: '内网企业' } });
    fireEvent.change(input('CorpID'), { target: { value: 'ww1234567890' } });
    await pickKind('私有化部署');
    expect(await screen.findByText(PRIVATE_NEEDS_OWN_BASE)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: btn('保存') }));
    await new Promise((r) => setTimeout(r, 20));
    expect(client.callsOf('corps.create')).toEqual([]);

    fireEvent.change(input('API服务地址'), { target: { value: 'http://10.1.2.3:8080/' } });
    await waitFor(() => expect(screen.queryByText(PRIVATE_NEEDS_OWN_BASE)).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: btn('保存') }));
    await waitFor(() => expect(client.callsOf('corps.create')).toHaveLength(1));
    expect(client.callsOf('corps.create')[0]).toMatchObject({
      name: '内网企业',
      corpid: 'ww1234567890',
      kind: 'private',
      apiBase: 'http://10.1.2.3:8080/',
    });
    expect(await screen.findByText('内网企业')).toBeTruthy();
  });

  it('explains 40013 next to the CorpID and shows zod errors inline', async () => {
    renderApp(fakeClient({ 'corps.list': () => [], 'basics.get': () => basicsUnset }));
    fireEvent.click(await screen.findByRole('button', { name: /新建企业微信/ }));
    expect(await screen.findByText(/40013/)).toBeTruthy();
    fireEvent.change(input('CorpID'), { target: { value: 'ww-bad id' } });
    fireEvent.click(screen.getByRole('button', { name: btn('保存') }));
    expect(await screen.findByText('企业名称必填')).toBeTruthy();
    expect(screen.getByText(/CorpID 只能是 1–64 位字母和数字/)).toBeTruthy();
  });

  it('keeps secrets unless replaced or cleared (undefined / null / string)', () => {
    const c = corp({ hasContactSecret: true, hasCustomerSecret: true });
    const keep = toUpdateInput(c.id, initialValues(c));
    expect('contactSecret' in keep).toBe(false);
    expect('customerSecret' in keep).toBe(false);
    const changed = toUpdateInput(c.id, { ...initialValues(c), contactSecret: 'new-secret', customerSecret: null });
    expect(changed.contactSecret).toBe('new-secret');
    expect(changed.customerSecret).toBeNull();
  });

  it('shows 已设置 for a stored secret on edit, never a value, and deletes only after the name is typed', async () => {
    const client = fakeClient({
      'corps.list': () => [corp()],
      'basics.get': () => basicsUnset,
      'corps.remove': () => null,
    });
    renderApp(client);
    fireEvent.click(await screen.findByRole('button', { name: btn('编辑') }));
    const secret = await screen.findByLabelText('通讯录密钥');
    expect((secret as HTMLInputElement).value).toBe('');
    expect((secret as HTMLInputElement).placeholder).toBe('已设置，留空则保持不变');
    fireEvent.click(screen.getByRole('button', { name: btn('取消') }));

    fireEvent.click(screen.getByRole('button', { name: btn('删除') }));
    const dialog = await screen.findByRole('dialog');
    const confirm = Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent?.replace(/\s/g, '') === '删除')!;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('企业名称'), { target: { value: '演示企业' } });
    await waitFor(() => expect(confirm.disabled).toBe(false));
    fireEvent.click(confirm);
    await waitFor(() => expect(client.callsOf('corps.remove')).toEqual([{ corpId: 'c1' }]));
  });
});
