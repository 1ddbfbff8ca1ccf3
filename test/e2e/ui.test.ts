// End-to-end: the built renderer (out/renderer, from `npm run build:renderer`) served by the headless server,
// driven in headless Chromium. Screenshots go to test-artifacts/e2e/ for a human to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shots, startE2e, type E2eSession, type ServeInfo } from './harness';

const btn = (text: string) => new RegExp(`^\\s*${text.split('').join('\\s?')}\\s*$`);

let e2e: E2eSession;
let info: ServeInfo;
let page: Page;

async function shot(name: string) {
  await page.waitForTimeout(300); // let antd finish its motion
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  e2e = await startE2e({ prefix: 'wecom-bridge-e2e-', viewport: { width: 1366, height: 860 } });
  ({ info, page } = e2e);
}, 90_000);

afterAll(() => e2e?.stop());

describe('admin UI in headless Chromium', { timeout: 90_000 }, () => {
  afterEach(async (ctx) => {
    // A failed step leaves its screen behind for whoever reads the report.
    if (ctx.task.result?.state === 'fail' && page) await shot(`FAILED-${ctx.task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}`);
  });

  it('refuses /rpc without the token', async () => {
    const res = await fetch(`${new URL(info.ui).origin}/rpc/corps.list`, { method: 'POST' });
    expect(res.status).toBe(401);
  });

  it('shows the Chinese navigation and drops the token from the address bar', async () => {
    await page.goto(info.ui);
    const menu = page.getByRole('menu');
    for (const label of ['企业微信集成', '通讯录同步', '消息推送', '考勤同步', '扫码登录', '客户管理', '消息存档', '其他设置', '基础参数设置']) {
      await expect.poll(() => menu.getByText(label, { exact: true }).isVisible()).toBe(true);
    }
    await expect.poll(() => page.getByText('请先在【基础参数设置】配置云桥对外域名').first().isVisible()).toBe(true);
    expect(page.url()).not.toContain('token=');
    await shot('01-corps-empty-zh');
  });

  it('creates a private-deployment corp, refusing the public API base first', async () => {
    await page.getByRole('button', { name: /新建企业微信/ }).click();
    await page.getByLabel('企业名称').fill('内网测试企业');
    await page.getByLabel('CorpID').fill('ww1234567890abcd');
    await page.getByLabel('类型').click();
    await page.getByTitle('私有化部署').click();
    await page.getByRole('button', { name: btn('保存') }).click();
    await expect.poll(() => page.getByText('私有化部署的企业微信需要修改API服务地址').isVisible()).toBe(true);
    await shot('02-private-default-base-refused');

    await page.getByLabel('API服务地址').fill('http://127.0.0.1:9');
    await page.getByRole('button', { name: btn('保存') }).click();
    const row = page.getByRole('row', { name: /内网测试企业/ });
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await row.textContent()).toContain('私有化部署');
    expect(await row.textContent()).toContain('http://127.0.0.1:9');
    await shot('03-corp-listed');
  });

  it('shows the corp page with its apps and the 应用详情 drawer', async () => {
    await page.getByRole('link', { name: '内网测试企业' }).click();
    await expect.poll(() => page.getByText('基础信息设置', { exact: true }).isVisible()).toBe(true);
    await shot('04-corp-detail');
    await page.getByRole('button', { name: /添加应用/ }).click();
    await expect.poll(() => page.getByText('应用详情', { exact: true }).isVisible()).toBe(true);
    await page.getByLabel('应用名称').fill('OA 门户');
    await page.getByLabel('AgentID').fill('1000002');
    await page.getByLabel('Secret', { exact: true }).fill('not-a-real-secret');
    await page.getByRole('button', { name: '保存并校验' }).click();
    // 127.0.0.1:9 refuses connections: the app is saved, the validation fails with a plain explanation.
    const result = page.getByTestId('app-validation').locator('.ant-alert');
    await expect.poll(() => result.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot('05-app-drawer-validated');
    await page.keyboard.press('Escape');
    const row = page.getByRole('row', { name: /OA 门户/ });
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain('1000002');
    await shot('05b-corp-detail-with-app');
  });

  it('runs the network diagnostics on 基础参数设置', async () => {
    // The form's own submit button (antd renders 「保 存」; its accessible name is not what this test is about).
    const saveAddress = () => page.locator('form').filter({ has: page.getByLabel('云桥对外域名') }).locator('button[type=submit]').click();
    await page.getByRole('menuitem', { name: /基础参数设置/ }).click();
    await expect.poll(() => page.getByText('本机地址，企业微信无法访问').isVisible()).toBe(true);
    await page.getByRole('button', { name: '开始检测' }).click();
    await expect.poll(() => page.getByText('DNS 解析').isVisible(), { timeout: 30_000 }).toBe(true);
    await shot('06-basics-diagnostics');

    // Only a private deployment is integrated, so an intranet address is accepted without confirmation.
    await page.getByLabel('云桥对外域名').fill('http://10.1.2.3:8088');
    await saveAddress();
    await expect.poll(() => page.getByText('当前生效').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByText('请先在【基础参数设置】配置云桥对外域名').count()).toBe(0);

    // With a public-WeCom corp, an IP address needs a confirmation naming what will fail (F0.1).
    const created = await fetch(`${new URL(info.ui).origin}/rpc/corps.create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${info.token}` },
      body: JSON.stringify({ name: '公有云企业', corpid: 'wwpublic0001' }),
    });
    expect(created.status).toBe(200);
    await page.getByLabel('云桥对外域名').fill('http://10.1.2.4:8088');
    await saveAddress();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('【可信域名校验】').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await dialog.textContent()).toContain('公有云企业');
    await shot('06b-address-confirmation');
    await dialog.getByRole('button', { name: '仍然保存' }).click();
    await expect.poll(() => page.getByText('http://10.1.2.4:8088', { exact: true }).isVisible()).toBe(true);
    await shot('06c-address-saved-with-warning');
  });

  it('switches to English', async () => {
    await page.getByText('English', { exact: true }).click();
    const menu = page.getByRole('menu');
    await expect.poll(() => menu.getByText('WeCom integration', { exact: true }).isVisible()).toBe(true);
    expect(await menu.getByText('Basic settings', { exact: true }).isVisible()).toBe(true);
    expect(await menu.getByText('企业微信集成', { exact: true }).count()).toBe(0);
    await shot('07-basics-en');
    await menu.getByText('WeCom integration', { exact: true }).click();
    await expect.poll(() => page.getByRole('row', { name: /内网测试企业/ }).isVisible()).toBe(true);
    await shot('08-corps-en');

    await page.getByRole('link', { name: '内网测试企业' }).click();
    await expect.poll(() => page.getByText('Basic information', { exact: true }).isVisible()).toBe(true);
    await shot('09-corp-detail-en');
    await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
    await expect.poll(() => page.getByText('Edit WeCom corp', { exact: true }).isVisible()).toBe(true);
    await shot('10-corp-form-en');
    await page.keyboard.press('Escape');
  });
});
