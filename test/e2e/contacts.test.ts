// End-to-end: 【通讯录同步】 against `serve --demo` in headless Chromium — pull, simulate and read the org-tree
// diff, bind/unbind on the user card, export/import bindings, then push with live progress. Screenshots go to
// test-artifacts/e2e/contacts-*.png.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Out } from '../../main/api/contract';
import { readWorkbook, sheetRows, writeWorkbook } from '../../main/org/workbook-io';
import { shots, startE2e, type E2eSession, type ServeInfo } from './harness';

const btn = (text: string) => new RegExp(`^\\s*${text.split('').join('\\s?')}\\s*$`);

let e2e: E2eSession;
let info: ServeInfo;
let dataDir: string;
let page: Page;
let corpId: string;

const rpc = <T>(method: string, body: unknown) => e2e.rpc<T>(method, body);

async function shot(name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, `contacts-${name}.png`), fullPage: true });
}

const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  e2e = await startE2e({ serveArgs: ['--demo'], prefix: 'wecom-bridge-e2e-contacts-', viewport: { width: 1440, height: 900 }, downloads: true });
  ({ info, dataDir, page } = e2e);
}, 120_000);

afterAll(() => e2e?.stop());

describe('通讯录同步 in headless Chromium (demo enterprise)', { timeout: 120_000 }, () => {
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(`FAILED-${ctx.task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}`);
  });

  it("opens the demo corp and pulls from WeCom (297 people, bound since the demo's earlier sync)", async () => {
    await page.goto(info.ui);
    await page.getByRole('menuitem', { name: /通讯录同步/ }).click();
    await expect.poll(() => page.getByText('通讯录管理 — 云桥演示科技有限公司').isVisible(), { timeout: 15_000 }).toBe(true);
    corpId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
    await shot('01-area-before-pull');
    await page.getByTestId('action-pull').click();
    await expect.poll(() => page.getByTestId('sync-state').textContent(), { timeout: 30_000 }).toContain('已绑定 297');
    await expect.poll(() => page.getByText('共 297 人').isVisible(), { timeout: 10_000 }).toBe(true);
    await shot('02-directory');
  });

  it('simulates and draws the org-tree diff: legend, and a node of every status the demo has', async () => {
    await page.getByTestId('action-simulate').click();
    await expect.poll(() => page.getByTestId('diff-legend').isVisible(), { timeout: 20_000 }).toBe(true);
    for (const s of ['matched', 'new', 'updated', 'moved', 'disabled', 'deleted', 'outOfScope']) expect(await page.getByTestId(`legend-${s}`).isVisible()).toBe(true);
    expect(await page.getByTestId('legend-linked').textContent()).toContain('已关联');

    const hash = (await page.getByTestId('plan-summary').locator('.wb-mono').textContent())!.trim();
    const tree = await rpc<Out<'sync.diffTree'>>('sync.diffTree', { corpId, hash });
    // The demo's earlier sync linked its departments, so the first simulation has a node of every status.
    const deptStatuses = Object.entries(tree.deptCounts).filter(([, n]) => n > 0).map(([s]) => s);
    expect(deptStatuses.sort()).toEqual(['deleted', 'matched', 'moved', 'new', 'outOfScope', 'updated']);
    for (const s of deptStatuses) expect(Number(await page.getByTestId(`legend-${s}`).getAttribute('data-depts'))).toBe(tree.deptCounts[s as keyof typeof tree.deptCounts]);
    expect(await page.locator('[data-testid=diff-node][data-status=matched] .wb-diff-dot').count()).toBeGreaterThan(0);
    await shot('03-diff');
    const withStatus = (s: string) => {
      const stack = [...tree.roots];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.status === s && !n.context) return n;
        stack.push(...n.children);
      }
      throw new Error(s);
    };
    // The tree is virtualised (外包人员 is last): search brings each department into view.
    for (const s of deptStatuses) {
      const n = withStatus(s);
      await page.getByLabel('搜索部门或人员').fill(n.name);
      await expect.poll(() => page.locator(`[data-testid=diff-node][data-key="${n.key}"][data-status=${s}]`).count(), { message: `a ${s} node` }).toBe(1);
      if (s === 'outOfScope') await shot('03b-diff-out-of-scope');
    }
    await page.getByLabel('搜索部门或人员').fill('');

    // People: the demo has new, updated, moved and disabled users; open a department holding each.
    const userStatuses = Object.entries(tree.userCounts).filter(([, n]) => n > 0).map(([s]) => s);
    expect(userStatuses.sort()).toEqual(['disabled', 'moved', 'new', 'updated']);
    const holder = (s: string) => {
      const stack = [...tree.roots];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.users.some((u) => u.status === s)) return n;
        stack.push(...n.children);
      }
      throw new Error(s);
    };
    for (const s of userStatuses) {
      // The tree is virtualised: search brings the department into view, then it is clicked.
      const n = holder(s);
      await page.getByLabel('搜索部门或人员').fill(n.name);
      await page.locator(`[data-testid=diff-node][data-key="${n.key}"]`).click();
      await expect.poll(() => page.getByTestId('diff-panel').locator(`[data-testid=user-change][data-status=${s}]`).count()).toBeGreaterThan(0);
      if (s === 'updated') await shot('04-side-panel-updated');
    }
    await page.getByLabel('搜索部门或人员').fill('');
    await page.getByRole('switch', { name: '只看变更' }).click();
    await expect.poll(() => page.locator('[data-testid=diff-node][data-status=kept]').count()).toBe(0);
    await page.getByRole('switch', { name: '只看变更' }).click();
    await page.getByLabel('搜索部门或人员').fill('人工智能');
    await expect.poll(() => page.locator('.wb-diff-row-match').count()).toBe(1);
    await shot('05-diff-search');
    await page.getByLabel('搜索部门或人员').fill('');
  });

  it('opens a user card, unbinds and binds again by searching OA users', async () => {
    await tab('通讯录');
    await page.getByLabel('搜索姓名、账号、手机或邮箱').fill('baiyu');
    await page.getByLabel('搜索姓名、账号、手机或邮箱').press('Enter');
    await page.getByRole('cell', { name: 'baiyu', exact: true }).click();
    const card = page.getByTestId('user-card');
    await expect.poll(() => card.getByTestId('bound-tag').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await card.textContent()).toContain('自动关联');
    await shot('06-user-card-bound');
    await card.getByTestId('unbind').click();
    await page.getByRole('button', { name: btn('确定') }).click();
    await expect.poll(() => card.getByTestId('unbound-tag').isVisible(), { timeout: 10_000 }).toBe(true);
    await card.getByTestId('oa-user-picker').click();
    await page.keyboard.type('白宇');
    await page.locator('.ant-select-item-option', { hasText: '白宇（YQ0017）' }).click();
    await shot('07-user-card-binding');
    await card.getByTestId('bind').click();
    await expect.poll(() => card.getByTestId('bound-tag').textContent(), { timeout: 10_000 }).toBe('YQ0017');
    expect(await card.textContent()).toContain('手动绑定');
    await shot('08-user-card-rebound');
    await page.keyboard.press('Escape');
  });

  it('exports the bindings workbook and imports it back with a per-row preview', async () => {
    await rpc('bindings.remove', { corpId, userid: 'baiyu' });
    const [oa] = (await rpc<Out<'oa.users'>>('oa.users', { ids: ['YQ0017'] })).users;
    await page.getByRole('button', { name: '关联导入' }).first().click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bind-export').click()]);
    const downloaded = join(dataDir, 'bindings-download.xlsx');
    await download.saveAs(downloaded);
    const rows = sheetRows(readWorkbook(readFileSync(downloaded), 'bindings.xlsx').Sheets['关联导入']);
    expect(rows[0]).toEqual(['企业微信账号', '姓名', '手机', '邮箱', '部门ID', '已绑定OA用户', '关联字段']);
    expect(rows.length).toBe(298);
    const filled = rows.map((r, i) => (i > 0 && r[0] === 'baiyu' ? [...r.slice(0, 6), oa.mobile!] : r));
    const upload = join(dataDir, 'bindings-filled.xlsx');
    writeFileSync(upload, writeWorkbook([{ name: '关联导入', rows: filled }]));
    await page.locator('.ant-modal input[type=file]').setInputFiles(upload);
    await expect.poll(() => page.getByTestId('bind-upload').textContent()).toContain('bindings-filled.xlsx');
    await page.getByTestId('bind-preview').click();
    await expect.poll(() => page.getByTestId('bind-report').textContent(), { timeout: 10_000 }).toContain('将绑定 1');
    expect((await rpc<Out<'bindings.list'>>('bindings.list', { corpId })).some((b) => b.wxUserid === 'baiyu')).toBe(false);
    await shot('09-import-preview');
    await page.getByTestId('bind-commit').click();
    await expect.poll(() => page.getByTestId('bind-report').textContent(), { timeout: 10_000 }).toContain('已导入：绑定 1');
    const b = (await rpc<Out<'bindings.list'>>('bindings.list', { corpId })).find((x) => x.wxUserid === 'baiyu');
    expect(b).toMatchObject({ oaUserId: 'YQ0017', source: 'import' });
    await shot('10-import-done');
    await page.locator('.ant-modal-footer').getByRole('button', { name: btn('关闭') }).click();
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
  });

  it('names the cause and the setting of a safety hold and of a stop', async () => {
    await rpc('sync.config.set', { corpId, key: 'safety.maxDisables', value: '1' });
    await tab('模拟同步');
    await page.getByTestId('action-simulate').click();
    const hold = page.getByTestId('hold-banner');
    await expect.poll(() => hold.textContent(), { timeout: 20_000 }).toContain('safety.maxDisables');
    expect(await hold.textContent()).toContain('单次禁用成员上限');
    await page.getByTestId('push-open').click();
    expect(await page.getByTestId('approve-maxDisables').textContent()).toContain('限制 1');
    await shot('10b-held-plan-approval');
    await page.keyboard.press('Escape');
    await rpc('sync.config.set', { corpId, key: 'safety.maxDisables', value: '500' });
    await rpc('sync.config.set', { corpId, key: 'push.topDept', value: '99999' });
    await page.getByTestId('action-simulate').click();
    await expect.poll(() => page.getByTestId('stop-banner').textContent(), { timeout: 20_000 }).toContain('push.topDept');
    await shot('10c-stop-banner');
    await rpc('sync.config.set', { corpId, key: 'push.topDept', value: 'null' });
  });

  it('refuses a stale plan with 「重新模拟」', async () => {
    await tab('模拟同步');
    await page.getByTestId('action-simulate').click();
    await expect.poll(() => page.getByTestId('push-open').isEnabled(), { timeout: 20_000 }).toBe(true);
    await rpc('sync.config.set', { corpId, key: 'push.invite', value: 'true' });
    await page.getByTestId('push-open').click();
    const count = page.getByTestId('push-confirm-count');
    await count.fill((await count.getAttribute('placeholder'))!);
    await page.getByTestId('push-confirm-ok').click();
    await expect.poll(() => page.getByTestId('resimulate').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('push-result').textContent()).toContain('计划已过期');
    await shot('11-stale-plan');
    await page.getByTestId('resimulate').click();
    await expect.poll(() => page.getByTestId('push-result').count(), { timeout: 20_000 }).toBe(0);
  });

  it('applies the push with a live progress bar that reaches 100%', async () => {
    await expect.poll(() => page.getByTestId('push-open').isEnabled(), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('push-open').click();
    const count = page.getByTestId('push-confirm-count');
    const expected = (await count.getAttribute('placeholder'))!;
    expect(Number(expected)).toBeGreaterThan(0);
    expect(await page.getByTestId('push-confirm-ok').isDisabled()).toBe(true);
    await count.fill(expected);
    await shot('12-push-confirm');
    // Record every percentage the bar shows, however fast the simulator is.
    // (A string: this file is type-checked for Node, where there is no DOM.)
    await page.evaluate(`(() => {
      window.seen = [];
      new MutationObserver(() => {
        document.querySelectorAll('[data-testid=push-progress-bar][role=progressbar]').forEach((el) => window.seen.push(Number(el.getAttribute('aria-valuenow'))));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    })()`);
    await page.getByTestId('push-confirm-ok').click();
    // The demo's 40-odd operations take well under a second: catch the live panel if it is still there.
    await page.getByTestId('push-progress').or(page.getByTestId('push-result')).first().waitFor({ timeout: 10_000 });
    if (await page.getByTestId('push-progress').isVisible()) await page.screenshot({ path: join(shots, 'contacts-13-push-progress.png') });
    await expect.poll(() => page.getByTestId('push-result').isVisible(), { timeout: 60_000 }).toBe(true);
    const seen = (await page.evaluate('window.seen')) as number[];
    console.log(`push progress percentages seen: ${[...new Set(seen)].join(', ')}`);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBe(100);
    // One bar for the whole push: it never goes back (the refresh from WeCom is its first tenth).
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1])).toBe(true);
    expect(await page.getByTestId('push-result').locator('[role=progressbar]').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('push-result').textContent()).toMatch(/同步完成[\s\S]*失败 0 项/);
    await shot('14-push-result');
    const history = await rpc<Out<'history.list'>>('history.list', { corpId });
    // The admin's push, after the demo's earlier one (links and bindings only).
    expect(history.filter((h) => h.kind === 'push' && h.status === 'succeeded').map((h) => h.actor)).toEqual(['admin', 'demo']);
    await tab('同步记录');
    await expect.poll(() => page.getByText('同步到企业微信').first().isVisible()).toBe(true);
    await shot('15-history');
  });

  it('shows the settings tabs and the diff in English', async () => {
    await tab('同步通讯录到企业微信');
    await page.getByRole('tab', { name: '范围设置' }).click();
    await expect.poll(() => page.getByTestId('scope-warning').textContent()).toContain('不在范围内且已关联的部门或用户将从企业微信删除，删除不可逆转，请谨慎选择范围');
    await shot('16-scope-settings');
    await page.getByText('English', { exact: true }).click();
    await tab('Simulate sync');
    await page.getByTestId('action-simulate').click();
    await expect.poll(() => page.getByTestId('legend-matched').textContent(), { timeout: 20_000 }).toContain('Matched');
    await shot('17-diff-en');
    await page.getByText('中文', { exact: true }).click();
  });
});
