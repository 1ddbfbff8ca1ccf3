import { useT, type MessageKey } from '../../i18n';
import { EXTRA_STATUSES, LEGEND_STATUSES, STATUS_STYLE } from './diff-colors';
import type { DiffTreeData, NodeStatus } from './diff-model';

/** A status chip drawn exactly like a node of that status, so the legend reads as the tree does. */
export function StatusChip({ status, children }: { status: NodeStatus; children?: React.ReactNode }) {
  return (
    <span className={`wb-diff-node wb-diff-${status}`} style={STATUS_STYLE[status]}>
      {children}
    </span>
  );
}

/**
 * The legend with counts per status (departments · people), always visible above the tree. Clicking a
 * status asks the tree to jump to the next node of that status.
 */
export function DiffLegend({ tree, onPick }: { tree: Pick<DiffTreeData, 'deptCounts' | 'userCounts' | 'linkedCount'>; onPick?: (s: NodeStatus) => void }) {
  const t = useT();
  const extras = EXTRA_STATUSES.filter((s) => (tree.deptCounts[s] ?? 0) > 0);
  return (
    <div className="wb-diff-legend" role="list" aria-label={t('diff.legend')} data-testid="diff-legend">
      {[...LEGEND_STATUSES, ...extras].map((s) => {
        const depts = tree.deptCounts[s] ?? 0;
        const users = s in tree.userCounts ? (tree.userCounts[s as keyof typeof tree.userCounts] ?? 0) : 0;
        return (
          <button
            type="button"
            key={s}
            role="listitem"
            className="wb-diff-legend-item"
            data-testid={`legend-${s}`}
            data-depts={depts}
            data-users={users}
            onClick={() => onPick?.(s)}
            title={t(`diff.statusHelp.${s}` as MessageKey)}
          >
            <StatusChip status={s}>{t(`diff.status.${s}` as MessageKey)}</StatusChip>
            <span className="wb-diff-legend-count">{t('diff.legendCount', { depts, users })}</span>
          </button>
        );
      })}
      <span className="wb-diff-legend-item" role="listitem" data-testid="legend-linked">
        <span className="wb-diff-dot">●</span>
        {t('diff.linked')}
        <span className="wb-diff-legend-count">{tree.linkedCount}</span>
      </span>
    </div>
  );
}
