import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { Button, Input, Select, Space, Switch, Typography } from 'antd';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { DiffLegend } from './DiffLegend';
import { DiffRow, ROW_HEIGHT } from './DiffRow';
import { flatten, initialExpanded, keysToLevel, walk, type DiffNode, type DiffTreeData, type NodeStatus } from './diff-model';
import './org-diff.css';

export interface OrgDiffTreeProps {
  tree: DiffTreeData;
  selectedKey: string | null;
  onSelect(node: DiffNode): void;
  /** Height of the scrolling area in px. */
  height?: number;
  /** Levels open at first (Infinity = all); default: a small tree fully, a large one to its first level. */
  defaultLevel?: number;
}

const LEVELS = [1, 2, 3, 4, 5, 6];

/** F4.10: the virtualised org-tree diff with its legend, search, levels and 「只看变更」. */
export function OrgDiffTree({ tree, selectedKey, onSelect, height = 560, defaultLevel }: OrgDiffTreeProps) {
  const t = useT();
  const opening = useCallback((roots: DiffNode[]) => (defaultLevel !== undefined ? keysToLevel(roots, defaultLevel) : initialExpanded(roots)), [defaultLevel]);
  const [expanded, setExpanded] = useState<Set<string>>(() => opening(tree.roots));
  const [onlyChanges, setOnlyChanges] = useState(false);
  const [draft, setDraft] = useState('');
  const search = useDeferredValue(draft);
  const [scrollTo, setScrollTo] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  // A new simulation resets the view (not the first render: that one already started from it).
  const shownTree = useRef(tree);
  useEffect(() => {
    if (shownTree.current === tree) return;
    shownTree.current = tree;
    setExpanded(opening(tree.roots));
  }, [tree, opening]);

  const byKey = useMemo(() => {
    const m = new Map<string, { node: DiffNode; parent: DiffNode | null }>();
    walk(tree.roots, (node, _d, parent) => m.set(node.key, { node, parent }));
    return m;
  }, [tree]);
  const { rows, matchCount } = useMemo(() => flatten(tree.roots, { expanded, onlyChanges, search }), [tree, expanded, onlyChanges, search]);

  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
    // Before layout (and in DOM-less tests) the element has no size: assume the height we were given.
    observeElementRect: (inst, cb) => observeElementRect(inst, (rect) => cb(rect.height ? rect : { width: rect.width || 800, height })),
  });

  useEffect(() => {
    if (!scrollTo) return;
    const i = rows.findIndex((r) => r.node.key === scrollTo);
    if (i >= 0) v.scrollToIndex(i, { align: 'center' });
    setScrollTo(null);
  }, [scrollTo, rows, v]);

  const toggle = useCallback((key: string) => setExpanded((s) => {
    const next = new Set(s);
    if (!next.delete(key)) next.add(key);
    return next;
  }), []);
  const select = useCallback((key: string) => {
    const hit = byKey.get(key);
    if (hit) onSelect(hit.node);
  }, [byKey, onSelect]);

  /** Selects a node that may be collapsed away: open its ancestors, then scroll to it. */
  const reveal = (key: string) => {
    setExpanded((s) => {
      const next = new Set(s);
      for (let p = byKey.get(key)?.parent ?? null; p; p = byKey.get(p.key)?.parent ?? null) next.add(p.key);
      return next;
    });
    if (onlyChanges && (byKey.get(key)?.node.subtreeChanges ?? 0) === 0) setOnlyChanges(false);
    select(key);
    setScrollTo(key);
  };

  /** The next node (after the selection, wrapping) with this status, or matching the search. */
  const next = (pred: (n: DiffNode) => boolean) => {
    const all: DiffNode[] = [];
    walk(tree.roots, (n) => all.push(n));
    const from = all.findIndex((n) => n.key === selectedKey);
    for (let i = 1; i <= all.length; i++) {
      const n = all[(from + i + all.length) % all.length];
      if (pred(n)) return reveal(n.key);
    }
  };
  const pickStatus = (s: NodeStatus) => next((n) => n.status === s && !n.context);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = rows.findIndex((r) => r.node.key === selectedKey);
    const row = rows[i];
    const go = (j: number) => {
      if (rows[j]) {
        select(rows[j].node.key);
        v.scrollToIndex(j);
      }
    };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(Math.max(0, i - 1));
    else if (e.key === 'ArrowRight' && row?.hasChildren && !row.expanded) toggle(row.node.key);
    else if (e.key === 'ArrowLeft' && row?.expanded) toggle(row.node.key);
    else return;
    e.preventDefault();
  };

  return (
    <div className="wb-diff" data-testid="org-diff">
      <div className="wb-diff-toolbar">
        <Input.Search
          allowClear
          placeholder={t('diff.search')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(q) => q && next((n) => n.name.toLowerCase().includes(q.trim().toLowerCase()))}
          style={{ width: 260 }}
          aria-label={t('diff.search')}
        />
        {search && <Typography.Text type="secondary">{t('diff.matches', { n: matchCount })}</Typography.Text>}
        <Space size={4}>
          <Typography.Text>{t('diff.level')}</Typography.Text>
          <Select
            aria-label={t('diff.level')}
            placeholder={t('diff.levelPick')}
            style={{ width: 112 }}
            value={null}
            onChange={(l: number) => setExpanded(keysToLevel(tree.roots, l))}
            options={[...LEVELS.map((l) => ({ value: l, label: t('diff.levelN', { n: l }) })), { value: Infinity, label: t('diff.expandAll') }]}
          />
        </Space>
        <Button size="small" onClick={() => setExpanded(new Set())}>
          {t('diff.collapseAll')}
        </Button>
        <Space size={6}>
          <Switch size="small" checked={onlyChanges} onChange={setOnlyChanges} aria-label={t('diff.onlyChanges')} />
          <Typography.Text>{t('diff.onlyChanges')}</Typography.Text>
        </Space>
      </div>
      <DiffLegend tree={tree} onPick={pickStatus} />
      {tree.mountPath.length > 0 && (
        <Typography.Text type="secondary" className="wb-diff-mount">
          {t('diff.mountedUnder', { path: tree.mountPath.join(' / ') })}
        </Typography.Text>
      )}
      <div ref={scrollRef} className="wb-diff-scroll" style={{ height }} role="tree" aria-label={t('diff.tree')} tabIndex={0} onKeyDown={onKeyDown}>
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return <DiffRow key={row.node.key} row={row} top={item.start} selected={row.node.key === selectedKey} onToggle={toggle} onSelect={select} />;
          })}
        </div>
        {rows.length === 0 && <div className="wb-diff-empty">{onlyChanges ? t('diff.noChanges') : t('diff.empty')}</div>}
      </div>
    </div>
  );
}
