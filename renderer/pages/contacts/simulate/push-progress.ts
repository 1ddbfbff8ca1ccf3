// One bar for the whole push (F4.12): the refresh from WeCom (F4.11) fills the first tenth, the writes the
// rest — so the bar only moves forward instead of reaching 100 % in the pull and starting again.
const SPAN: Record<string, [number, number]> = {
  pull: [0, 10],
  departments: [0, 5],
  users: [5, 10],
  batch: [10, 100],
  apply: [10, 100],
};

export function pushPercent(phase: string, done: number, total: number): number {
  const [lo, hi] = SPAN[phase] ?? [0, 100];
  const within = total > 0 ? Math.min(1, done / total) : 0;
  return Math.floor(lo + (hi - lo) * within);
}
