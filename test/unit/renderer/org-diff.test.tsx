// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STATUS_COLOR } from '../../../renderer/components/org-diff/diff-colors';
import { flatten, initialExpanded, keysToLevel } from '../../../renderer/components/org-diff/diff-model';
import { DiffLegend } from '../../../renderer/components/org-diff/DiffLegend';
import { DiffSidePanel } from '../../../renderer/components/org-diff/DiffSidePanel';
import { OrgDiffTree } from '../../../renderer/components/org-diff/OrgDiffTree';
import { useLangStore } from '../../../renderer/i18n';
import { smallTree } from './diff-fixtures';



describe('org-tree diff (F4.10)', () => {
  beforeEach(() => useLangStore.setState({ lang: 'zh-CN' }));
  afterEach(cleanup);

  it('colours: matched orange and new purple as in the manual, updated blue, moved cyan, disabled grey, deleted red, out-of-scope dashed', () => {
    expect(STATUS_COLOR).toMatchObject({ matched: '#fa8c16', new: '#722ed1', updated: '#1677ff', moved: '#13c2c2', disabled: '#8c8c8c', deleted: '#f5222d' });
    render(<AntApp><OrgDiffTree tree={smallTree()} selectedKey={null} onSelect={() => undefined} height={400} /></AntApp>);
    const chip = (status: string) => screen.getAllByTestId('diff-node').find((r) => r.getAttribute('data-status') === status)!.querySelector<HTMLElement>('.wb-diff-node')!.style;
    expect(chip('matched').borderColor).toBe('#fa8c16');
    expect(chip('new').borderColor).toBe('#722ed1');
    expect(chip('updated').borderColor).toBe('#1677ff');
    expect(chip('deleted').borderColor).toBe('#f5222d');
    expect(chip('outOfScope').borderStyle).toBe('dashed');
    const legend = (status: string) => screen.getByTestId(`legend-${status}`).querySelector<HTMLElement>('.wb-diff-node')!.style;
    expect(legend('moved').borderColor).toBe('#13c2c2');
    expect(legend('disabled').borderColor).toBe('#8c8c8c');
    expect(legend('outOfScope').borderStyle).toBe('dashed');
  });

  it('the legend lists every status with its counts and the linked dot', () => {
    render(<DiffLegend tree={smallTree()} />);
    const items = ['matched', 'new', 'updated', 'moved', 'disabled', 'deleted', 'outOfScope'].map((s) => screen.getByTestId(`legend-${s}`));
    expect(items.map((i) => i.querySelector('.wb-diff-node')?.className)).toEqual(['wb-diff-node wb-diff-matched', 'wb-diff-node wb-diff-new', 'wb-diff-node wb-diff-updated', 'wb-diff-node wb-diff-moved', 'wb-diff-node wb-diff-disabled', 'wb-diff-node wb-diff-deleted', 'wb-diff-node wb-diff-outOfScope']);
    expect(items.map((i) => i.textContent)).toEqual(['匹配部门 1 · 人员 0', '新增部门 1 · 人员 1', '更新部门 1 · 人员 0', '移动部门 0 · 人员 0', '禁用部门 0 · 人员 2', '删除部门 1 · 人员 0', '不在范围内部门 1 · 人员 0']);
    expect(screen.getByTestId('legend-linked').textContent).toBe('●已关联3');
    expect(screen.queryByTestId('legend-kept')).toBeNull();
  });

  it('draws every node in its status colour with ● when linked, and selects on click', () => {
    const onSelect = vi.fn();
    render(<AntApp><OrgDiffTree tree={smallTree()} selectedKey={null} onSelect={onSelect} height={400} /></AntApp>);
    const rows = screen.getAllByTestId('diff-node');
    expect(rows.map((r) => `${r.getAttribute('data-status')}:${r.querySelector('.wb-diff-node')!.className.replace('wb-diff-node ', '')}`)).toEqual([
      'matched:wb-diff-matched',
      'updated:wb-diff-updated',
      'new:wb-diff-new',
      'deleted:wb-diff-deleted',
      'outOfScope:wb-diff-outOfScope',
    ]);
    const byName = (n: string) => rows.find((r) => r.textContent?.includes(n))!;
    expect(byName('研发中心').querySelector('.wb-diff-dot')).toBeTruthy();
    expect(byName('前端组').querySelector('.wb-diff-dot')).toBeNull();
    expect(byName('研发中心').textContent).toContain('原名「研发部」');
    expect(byName('市场部').textContent).toContain('将从企业微信删除');
    expect(byName('云桥科技').textContent).toContain('⊘2');
    fireEvent.click(byName('前端组'));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ key: 'oa:3', name: '前端组' }));
  });

  it('「只看变更」 hides unchanged branches; search keeps matches and their ancestors', () => {
    const tree = smallTree();
    const all = new Set(['oa:1', 'oa:2']);
    expect(flatten(tree.roots, { expanded: all, onlyChanges: false, search: '' }).rows.map((r) => r.node.name)).toEqual(['云桥科技', '研发中心', '前端组', '市场部', '外包']);
    expect(flatten(tree.roots, { expanded: all, onlyChanges: true, search: '' }).rows.map((r) => r.node.name)).toEqual(['云桥科技', '研发中心', '前端组', '市场部']);
    const found = flatten(tree.roots, { expanded: new Set(), onlyChanges: false, search: '前端' });
    expect(found.rows.map((r) => `${r.node.name}${r.match ? '*' : ''}`)).toEqual(['云桥科技', '研发中心', '前端组*']);
    expect(found.matchCount).toBe(1);
    expect(flatten(tree.roots, { expanded: new Set(), onlyChanges: false, search: '张三' }).rows.map((r) => r.node.name)).toContain('前端组');
    expect([...keysToLevel(tree.roots, 2)]).toEqual(['oa:1']);
    expect([...initialExpanded(tree.roots)].sort()).toEqual(['oa:1', 'oa:2']);
  });

  it('the side panel lists the user changes field by field, before → after', () => {
    const tree = smallTree();
    render(<DiffSidePanel node={tree.roots[0]} tree={tree} />);
    const changes = screen.getAllByTestId('user-change');
    expect(changes).toHaveLength(2);
    expect(within(changes[0]).getByText('李四')).toBeTruthy();
    expect(within(changes[0]).getByText('离职')).toBeTruthy();
    expect(changes[0].querySelector('.wb-diff-from')?.textContent).toBe('已激活');
    expect(changes[0].querySelector('.wb-diff-to')?.textContent).toBe('已禁用');
    expect(changes[0].getAttribute('data-status')).toBe('disabled');
  });
});
