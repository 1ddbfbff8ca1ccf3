// The diff colours (DESIGN "UI conventions"): matched orange and new purple as in the vendor manual.
import type { CSSProperties } from 'react';
import type { NodeStatus, UserChangeKind } from './diff-model';

export const STATUS_COLOR: Record<NodeStatus, string> = {
  matched: '#fa8c16',
  new: '#722ed1',
  updated: '#1677ff',
  moved: '#13c2c2',
  disabled: '#8c8c8c',
  deleted: '#f5222d',
  outOfScope: '#8c8c8c',
  kept: '#bfbfbf',
  skipped: '#faad14',
};

/** How a node (and its legend chip) is drawn: text, border and a light fill in its status colour. */
export const STATUS_STYLE: Record<NodeStatus, CSSProperties> = {
  matched: { color: '#ad4e00', borderColor: '#fa8c16', background: '#fff7e6' },
  new: { color: '#391085', borderColor: '#722ed1', background: '#f9f0ff' },
  updated: { color: '#003eb3', borderColor: '#1677ff', background: '#e6f4ff' },
  moved: { color: '#006d75', borderColor: '#13c2c2', background: '#e6fffb' },
  disabled: { color: '#595959', borderColor: '#8c8c8c', background: '#f0f0f0' },
  deleted: { color: '#a8071a', borderColor: '#f5222d', background: '#fff1f0', textDecoration: 'line-through' },
  outOfScope: { color: '#8c8c8c', borderColor: '#8c8c8c', borderStyle: 'dashed', background: '#fff' },
  kept: { color: '#595959', borderColor: '#d9d9d9', background: '#fff' },
  skipped: { color: '#874d00', borderColor: '#faad14', borderStyle: 'dashed', background: '#fffbe6' },
};

/** The order of the legend: the seven statuses of F4.10, then the neutral ones when present. */
export const LEGEND_STATUSES = ['matched', 'new', 'updated', 'moved', 'disabled', 'deleted', 'outOfScope'] as const;
export const EXTRA_STATUSES = ['kept', 'skipped'] as const;

export const KIND_STATUS: Record<UserChangeKind, NodeStatus> = {
  create: 'new',
  update: 'updated',
  move: 'moved',
  disable: 'disabled',
  enable: 'updated',
  delete: 'deleted',
  bind: 'matched',
};

/** Short signs on a node's user-change badges. */
export const KIND_SIGN: Record<UserChangeKind, string> = {
  create: '+',
  update: '✎',
  move: '⇄',
  disable: '⊘',
  enable: '↺',
  delete: '✕',
  bind: '⛓',
};

export const KIND_ORDER: UserChangeKind[] = ['create', 'update', 'move', 'enable', 'disable', 'delete', 'bind'];
