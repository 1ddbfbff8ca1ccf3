import { CaretDownOutlined, CaretRightOutlined, WarningFilled } from '@ant-design/icons';
import { memo } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { KIND_ORDER, KIND_SIGN, KIND_STATUS, STATUS_COLOR, STATUS_STYLE } from './diff-colors';
import { ownChanges, type FlatRow } from './diff-model';

export const ROW_HEIGHT = 32;

interface Props {
  row: FlatRow;
  selected: boolean;
  top: number;
  onToggle(key: string): void;
  onSelect(key: string): void;
}

/** One department of the diff: coloured by status, ● when linked, badges for its user changes. */
export const DiffRow = memo(function DiffRow({ row, selected, top, onToggle, onSelect }: Props) {
  const t = useT();
  const n = row.node;
  const hidden = row.hasChildren && !row.expanded ? n.subtreeChanges - ownChanges(n) : 0;
  return (
    <div
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-selected={selected}
      data-testid="diff-node"
      data-status={n.status}
      data-key={n.key}
      className={`wb-diff-row${selected ? ' wb-diff-row-selected' : ''}${row.match ? ' wb-diff-row-match' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT, paddingLeft: 8 + row.depth * 20 }}
      onClick={() => onSelect(n.key)}
    >
      <span
        className="wb-diff-caret"
        onClick={(e) => {
          e.stopPropagation();
          if (row.hasChildren) onToggle(n.key);
        }}
      >
        {row.hasChildren ? row.expanded ? <CaretDownOutlined /> : <CaretRightOutlined /> : null}
      </span>
      <span className={`wb-diff-node wb-diff-${n.status}${n.context ? ' wb-diff-context' : ''}`} style={STATUS_STYLE[n.status]} title={t(`diff.status.${n.status}` as MessageKey)}>
        {n.linked && <span className="wb-diff-dot" aria-label={t('diff.linked')}>●</span>}
        {n.name}
      </span>
      {n.renamedFrom !== null && <span className="wb-diff-note">{t('diff.renamedFrom', { name: n.renamedFrom })}</span>}
      {n.movedFrom !== null && <span className="wb-diff-note">{t('diff.movedFrom', { name: n.movedFrom })}</span>}
      {n.removes && <span className="wb-diff-note wb-diff-note-danger">{t('diff.removes')}</span>}
      {n.status === 'skipped' && <span className="wb-diff-note wb-diff-note-warn">{t('diff.skipped')}</span>}
      {n.conflicts > 0 && (
        <span className="wb-diff-note wb-diff-note-warn" title={t('diff.conflictsHere', { n: n.conflicts })}>
          <WarningFilled /> {n.conflicts}
        </span>
      )}
      {KIND_ORDER.filter((k) => n.counts[k]).map((k) => (
        <span key={k} className="wb-diff-badge" style={{ color: STATUS_COLOR[KIND_STATUS[k]], borderColor: STATUS_COLOR[KIND_STATUS[k]] }} title={t(`diff.kind.${k}` as MessageKey)}>
          {KIND_SIGN[k]}
          {n.counts[k]}
        </span>
      ))}
      {hidden > 0 && <span className="wb-diff-hidden">{t('diff.hiddenChanges', { n: hidden })}</span>}
    </div>
  );
});
