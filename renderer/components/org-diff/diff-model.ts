// The diff tree as rows: which nodes are visible given what is expanded, 「只看变更」 and a search.
// Pure and iterative (10k departments, possibly deep), so it is cheap to recompute on every toggle.
import type { Out } from '../../../main/api/contract';

export type DiffTreeData = Out<'sync.diffTree'>;
export type DiffNode = DiffTreeData['roots'][number];
export type DiffUserChange = DiffNode['users'][number];
export type NodeStatus = DiffNode['status'];
export type ChangeStatus = DiffUserChange['status'];
export type UserChangeKind = DiffUserChange['kinds'][number];

export interface FlatRow {
  node: DiffNode;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  /** The node matches the search. */
  match: boolean;
}

export interface ViewOptions {
  expanded: ReadonlySet<string>;
  onlyChanges: boolean;
  search: string;
}

/** Every node with its depth, in display order. */
export function walk(roots: DiffNode[], visit: (n: DiffNode, depth: number, parent: DiffNode | null) => void): void {
  const stack: [DiffNode, number, DiffNode | null][] = roots.map((r) => [r, 0, null] as [DiffNode, number, null]).reverse();
  while (stack.length) {
    const [n, d, p] = stack.pop()!;
    visit(n, d, p);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i], d + 1, n]);
  }
}

/** Keys to expand so that `level` levels show (1 = the top nodes only); Infinity = everything. */
export function keysToLevel(roots: DiffNode[], level: number): Set<string> {
  const out = new Set<string>();
  walk(roots, (n, d) => {
    if (d < level - 1 && n.children.length) out.add(n.key);
  });
  return out;
}

/** The default view: a small tree fully open; a large one down to the OA root's first level (context open). */
export function initialExpanded(roots: DiffNode[], openAllUpTo = 300): Set<string> {
  const out = new Set<string>();
  let total = 0;
  walk(roots, () => total++);
  walk(roots, (n, _d, p) => {
    if (!n.children.length) return;
    if (total <= openAllUpTo || n.context || !p || p.context) out.add(n.key);
  });
  return out;
}

const matches = (n: DiffNode, q: string) =>
  n.name.toLowerCase().includes(q) || (n.oaId !== null && n.oaId.toLowerCase() === q) || (n.wxId !== null && String(n.wxId) === q) || n.users.some((u) => u.name.toLowerCase().includes(q) || (u.userid ?? '').toLowerCase() === q);

export function flatten(roots: DiffNode[], o: ViewOptions): { rows: FlatRow[]; matchCount: number } {
  const q = o.search.trim().toLowerCase();
  // With a search: the matches and their ancestors stay, and the path to each match opens.
  let keep: Set<string> | null = null;
  let open: Set<string> | null = null;
  let matchCount = 0;
  if (q) {
    keep = new Set();
    open = new Set();
    const parent = new Map<string, DiffNode | null>();
    walk(roots, (n, _d, p) => {
      parent.set(n.key, p);
      if (!matches(n, q)) return;
      matchCount++;
      keep!.add(n.key);
      for (let a = p; a && !open!.has(a.key); a = parent.get(a.key) ?? null) {
        open!.add(a.key);
        keep!.add(a.key);
      }
    });
  }
  const rows: FlatRow[] = [];
  // `free`: below a match the admin opened, everything shows (the search narrows only down to the matches).
  const stack: [DiffNode, number, boolean][] = roots.map((r) => [r, 0, false] as [DiffNode, number, boolean]).reverse();
  while (stack.length) {
    const [n, depth, free] = stack.pop()!;
    if (keep && !free && !keep.has(n.key)) continue;
    if (o.onlyChanges && n.subtreeChanges === 0 && !n.context) continue;
    const match = !!q && matches(n, q);
    const isOpen = o.expanded.has(n.key) || (open?.has(n.key) ?? false);
    const kids = o.onlyChanges ? n.children.filter((c) => c.subtreeChanges > 0) : n.children;
    rows.push({ node: n, depth, hasChildren: kids.length > 0, expanded: isOpen && kids.length > 0, match });
    const freeKids = free || (match && o.expanded.has(n.key) && !(open?.has(n.key) ?? false));
    if (isOpen) for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + 1, freeKids]);
  }
  return { rows, matchCount };
}

/** Department and user changes in this node alone (its badge), without its subtree. */
export function ownChanges(n: DiffNode): number {
  const self = n.status === 'matched' || n.status === 'kept' || (n.status === 'outOfScope' && !n.removes) ? 0 : 1;
  return self + n.users.length;
}
