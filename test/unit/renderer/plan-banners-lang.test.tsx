// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiffSidePanel } from '../../../renderer/components/org-diff/DiffSidePanel';
import { useLangStore } from '../../../renderer/i18n';
import { ConflictList, HoldBanners, StopBanner } from '../../../renderer/pages/contacts/simulate/PlanBanners';
import { smallTree, summary } from './diff-fixtures';

type Summary = typeof summary;
type Conflict = Summary['conflicts'][number];

// As the planner writes them (main/sync/plan-depts.ts, plan-users.ts, safety.ts).
const clash: Conflict = {
  kind: 'siblingNameClash',
  oaDeptId: '3',
  message: 'OA 部门「前端组」与同级部门重名：企业微信要求同级部门名称唯一',
  fix: '在 OA 中改名，或用范围设置排除其一',
  params: { deptName: '前端组' },
};
const unbound: Conflict = { kind: 'unboundWeCom', userid: 'ls', message: '企业微信成员「李四」（ls）未绑定 OA 用户，本次同步不处理', fix: '如需管理，【手动绑定】或【关联导入】', params: { userName: '李四', userid: 'ls' } };
const held: Summary['safety']['held'][number] = {
  rule: 'maxDisables',
  limit: 1,
  actual: 2,
  setting: 'safety.maxDisables',
  part: 'run',
  message: '本次将禁用 2 名成员，超过每次上限 1',
  params: { actual: 2, limit: 1 },
};
const withHold: Summary = { ...summary, safety: { ok: false, held: [held] } };

describe('plan banners follow the UI language', () => {
  beforeEach(() => useLangStore.setState({ lang: 'en-US' }));
  afterEach(() => {
    cleanup();
    useLangStore.setState({ lang: 'zh-CN' });
  });

  it('en-US: conflicts, their fixes and safety holds in English', async () => {
    render(
      <AntApp>
        <ConflictList conflicts={[clash, unbound]} total={2} />
        <HoldBanners summary={withHold} onGotoSafety={() => undefined} />
      </AntApp>,
    );
    // Collapsed panels keep their content out of the DOM until opened.
    fireEvent.click(screen.getByText('Sibling departments with the same name (1)'));
    fireEvent.click(screen.getByText('Unbound WeCom members (left alone) (1)'));
    expect(await screen.findByText('OA department "前端组" has the same name as a sibling department: WeCom needs sibling departments to have different names')).toBeTruthy();
    expect(screen.getByText('Fix: Rename one of them in OA, or leave one out in Scope 【范围设置】')).toBeTruthy();
    expect(screen.getByText('WeCom member "李四" (ls) is not bound to an OA user, so this sync leaves them alone')).toBeTruthy();
    expect(screen.getByTestId('hold-banner').textContent).toContain('This run would disable 2 members, more than the limit of 1 per run');
  });

  it('en-US: a stop without a setting, and the conflicts beside a department in the diff tree', () => {
    render(
      <AntApp>
        <StopBanner stop={{ code: 'no_oa_directory', message: '还没有 OA 组织架构：请先导入（oa import）', params: {} }} onGoto={() => undefined} />
      </AntApp>,
    );
    expect(screen.getByTestId('stop-banner').textContent).toContain('No OA org chart yet: import one first (oa import)');
    cleanup();
    const base = smallTree();
    const front = base.roots[0].children[0].children[0];
    const tree = { ...base, conflicts: [{ ...clash, oaDeptId: front.oaId! }] };
    render(
      <AntApp>
        <DiffSidePanel node={front} tree={tree} />
      </AntApp>,
    );
    expect(screen.getByTestId('diff-panel').textContent).toContain('OA department "前端组" has the same name as a sibling department');
  });

  it("zh-CN: the planner's own text", () => {
    useLangStore.setState({ lang: 'zh-CN' });
    render(
      <AntApp>
        <HoldBanners summary={withHold} onGotoSafety={() => undefined} />
      </AntApp>,
    );
    expect(screen.getByTestId('hold-banner').textContent).toContain('本次将禁用 2 名成员，超过每次上限 1');
  });
});
