// End-to-end: F4.15 edits in 【通讯录管理】 against `serve --demo` in headless Chromium — create a department
// and a member in it, edit, disable (typed count), delete; WeCom's own refusals and 【只读】. Each step is checked
// in the simulator behind the demo corp through the API. Screenshots go to test-artifacts/e2e/edits-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Out } from '../../main/api/contract';
import { shots, startE2e, type E2eSession, type ServeInfo } from './harness';

let e2e: E2eSession;
let info: ServeInfo;
let page: Page;
let corpId: string;
const rpc = <T>(method: string, body: unknown) => e2e.rpc<T>(method, body);
async function shot(name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, `edits-${name}.png`) });
}
const modal = () => page.getByTestId('edit-modal');
const dept = (name: string) => page.locator('[data-testid=mirror-dept]', { hasText: new RegExp(`^(● )?${name}$`) });
const mirrorDepts = () => rpc<Out<'mirror.depts'>>('mirror.depts', { corpId });
const mirrorUser = async (userid: string) => (await rpc<Out<'mirror.users'>>('mirror.users', { corpId, search: userid })).users.find((u) => u.userid === userid);

async function applyAndClose() {
  await page.getByTestId('edit-apply').click();
  await expect.poll(() => page.getByTestId('edit-done').isVisible(), { timeout: 20_000 }).toBe(true);
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  e2e = await startE2e({ serveArgs: ['--demo'], prefix: 'wecom-bridge-e2e-edits-', viewport: { width: 1440, height: 900 } });
  ({ info, page } = e2e);
  corpId = (await rpc<{ corpId: string }>('demo.status', {})).corpId;
}, 120_000);

afterAll(() => e2e?.stop());

describe('【通讯录管理】 edits in headless Chromium (demo enterprise)', { timeout: 120_000 }, () => {
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(`FAILED-${ctx.task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}`);
  });

  it('creates a sub-department under 研发中心 after a preview', async () => {
    await page.goto(`${info.ui}#/contacts/${corpId}/directory`);
    if (!(await rpc<Out<'sync.state'>>('sync.state', { corpId })).pulledAt) await page.getByTestId('action-pull').click();
    await expect.poll(() => dept('研发中心').isVisible(), { timeout: 20_000 }).toBe(true);
    await dept('研发中心').click();
    await page.getByTestId('edit-createDept').click();
    await page.getByTestId('edit-name').fill('人工智能实验室');
    await page.getByTestId('edit-preview').click();
    await expect.poll(() => page.getByTestId('edit-plan').textContent()).toContain('人工智能实验室');
    expect(await page.getByTestId('edit-plan').textContent()).toContain('研发中心');
    await shot('01-create-dept-preview');
    await applyAndClose();
    await page.getByTestId('edit-close').click();
    const created = (await mirrorDepts()).find((d) => d.name === '人工智能实验室');
    expect(created?.parentId).toBe((await mirrorDepts()).find((d) => d.name === '研发中心')!.id);
    await expect.poll(() => dept('人工智能实验室').isVisible()).toBe(true);
  });

  it('refuses a member whose userid is taken, on the field, and creates one that is valid', async () => {
    await dept('人工智能实验室').click();
    await page.getByTestId('edit-createUser').click();
    const taken = (await rpc<Out<'mirror.users'>>('mirror.users', { corpId, limit: 1 })).users[0];
    await page.getByTestId('edit-userid').fill(taken.userid.toUpperCase());
    await page.getByTestId('edit-name').fill('林一');
    await page.getByTestId('edit-mobile').fill('15900000123');
    await page.getByTestId('edit-position').fill('研究员');
    await page.getByTestId('edit-preview').click();
    await expect.poll(() => modal().locator('.ant-form-item-explain-error').first().textContent()).toContain(taken.name);
    await shot('02-create-user-refused');
    await page.getByTestId('edit-userid').fill('lin.yi');
    await page.getByTestId('edit-preview').click();
    await expect.poll(() => page.getByTestId('edit-plan').textContent()).toContain('lin.yi');
    await applyAndClose();
    await page.getByTestId('edit-close').click();
    expect(await mirrorUser('lin.yi')).toMatchObject({ name: '林一', position: '研究员', mobile: '15900000123' });
    await expect.poll(() => page.getByText('共 1 人').isVisible()).toBe(true);
  });

  it('edits the member from the card: the preview shows before → after', async () => {
    await page.getByRole('cell', { name: '林一' }).click();
    await expect.poll(() => page.getByTestId('user-card').isVisible()).toBe(true);
    await page.getByTestId('edit-updateUser').click();
    await page.getByTestId('edit-position').fill('首席研究员');
    await page.getByTestId('edit-preview').click();
    await expect.poll(() => page.getByTestId('edit-plan').textContent()).toContain('首席研究员');
    expect(await page.getByTestId('edit-plan').textContent()).toContain('研究员');
    await shot('03-update-preview');
    await applyAndClose();
    await page.getByTestId('edit-close').click();
    expect((await mirrorUser('lin.yi'))?.position).toBe('首席研究员');
    await expect.poll(() => page.getByTestId('user-card').textContent()).toContain('首席研究员');
  });

  it('disables only after the count is typed; the card shows the new status', async () => {
    await page.getByTestId('edit-disableUser').click();
    await expect.poll(() => page.getByTestId('edit-confirm-count').isVisible()).toBe(true);
    expect(await page.getByTestId('edit-apply').isDisabled()).toBe(true);
    await page.getByTestId('edit-confirm-count').fill('1');
    expect(await page.getByTestId('edit-apply').isDisabled()).toBe(false);
    await shot('04-disable-confirm');
    await applyAndClose();
    await page.getByTestId('edit-close').click();
    expect((await mirrorUser('lin.yi'))?.status).toBe(2);
    await expect.poll(() => page.getByTestId('edit-enableUser').isVisible()).toBe(true);
    // lin.yi is unbound: the card says why no 禁用时间 is recorded (it is kept for bound members, F4.4).
    await expect.poll(() => page.getByTestId('user-card').textContent()).toContain('云桥只记录它禁用的已绑定成员的禁用时间');
  });

  it('deletes the member (typed count) and refuses to delete a department that still has people', async () => {
    await page.getByTestId('edit-deleteUser').click();
    await page.getByTestId('edit-confirm-count').fill('1');
    expect(await page.getByTestId('edit-plan').textContent()).toContain('消息和数据将丢失');
    await applyAndClose();
    await page.getByTestId('edit-close').click();
    expect(await mirrorUser('lin.yi')).toBeUndefined();
    await expect.poll(() => page.getByTestId('user-card').isVisible()).toBe(false);

    await dept('研发中心').click();
    await page.getByTestId('edit-deleteDept').click();
    await expect.poll(() => page.getByTestId('edit-refused').textContent(), { timeout: 10_000 }).toContain('只能删除空部门');
    await shot('05-delete-dept-refused');
    await page.keyboard.press('Escape');
  });

  it('WeCom’s own refusal is shown with its errcode explained (the creator cannot be deleted, 301005)', async () => {
    // The mirror does not know who created the corp: try 总裁办's members until WeCom refuses one (the demo's creator is there).
    await dept('总裁办').click();
    const rows = await rpc<Out<'mirror.users'>>('mirror.users', { corpId, dept: (await mirrorDepts()).find((d) => d.name === '总裁办')!.id, limit: 20 });
    let refused = false;
    for (const u of rows.users) {
      await page.getByLabel('搜索姓名、账号、手机或邮箱').fill(u.userid);
      await page.getByLabel('搜索姓名、账号、手机或邮箱').press('Enter');
      await page.getByRole('cell', { name: u.name, exact: true }).first().click();
      await page.getByTestId('edit-deleteUser').click();
      await page.getByTestId('edit-confirm-count').fill('1');
      await page.getByTestId('edit-apply').click();
      await expect.poll(async () => (await page.getByTestId('edit-done').isVisible()) || (await page.getByTestId('edit-failed').isVisible()), { timeout: 20_000 }).toBe(true);
      if (await page.getByTestId('edit-failed').isVisible()) {
        expect(await page.getByTestId('edit-failed').textContent()).toContain('301005');
        await shot('06-errcode');
        refused = true;
        await page.getByTestId('edit-close').click();
        break;
      }
      await page.getByTestId('edit-close').click();
    }
    expect(refused).toBe(true);
  });

  it('同步记录 lists each edit with who, what and its outcome', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('user-card').isVisible()).toBe(false);
    await page.getByRole('tab', { name: '同步记录', exact: true }).click();
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '新建子部门「人工智能实验室」' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.ant-table-row', { hasText: '编辑「林一」' }).textContent()).toContain('职位');
    expect(await page.locator('.ant-table-row', { hasText: '301005' }).count()).toBe(1);
    await shot('07-history');
    await page.getByRole('tab', { name: '通讯录', exact: true }).click();
  });

  it('【只读】 disables every edit and says why', async () => {
    await rpc('sync.config.set', { corpId, key: 'sync.mode', value: 'readonly' });
    await page.reload();
    await expect.poll(() => dept('研发中心').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByTestId('edit-createUser').isDisabled()).toBe(true);
    await dept('研发中心').click();
    expect(await page.getByTestId('edit-createDept').isDisabled()).toBe(true);
    await shot('08-readonly');
    await rpc('sync.config.set', { corpId, key: 'sync.mode', value: 'readwrite' });
  });

  it('in English: the form, the preview and the notes', async () => {
    await page.evaluate("localStorage.setItem('wecom-bridge.lang', 'en-US')");
    await page.reload();
    await expect.poll(() => dept('研发中心').isVisible(), { timeout: 20_000 }).toBe(true);
    await dept('研发中心').click();
    await page.getByTestId('edit-moveDept').click();
    await expect.poll(() => modal().textContent()).toContain('Move department');
    await page.keyboard.press('Escape');
    await page.locator('.ant-table-row').first().click();
    await page.getByTestId('edit-disableUser').click();
    await expect.poll(() => page.getByTestId('edit-plan').textContent(), { timeout: 10_000 }).toContain('keeps a seat');
    await shot('09-english-disable');
    await page.keyboard.press('Escape');
    await page.evaluate("localStorage.setItem('wecom-bridge.lang', 'zh-CN')");
  });
});
