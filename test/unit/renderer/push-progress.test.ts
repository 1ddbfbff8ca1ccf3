import { describe, expect, it } from 'vitest';
import { pushPercent } from '../../../renderer/pages/contacts/simulate/push-progress';

describe('pushPercent: one bar for the whole push', () => {
  it('the refresh from WeCom fills the first tenth, the writes the rest', () => {
    expect(pushPercent('departments', 0, 40)).toBe(0);
    expect(pushPercent('departments', 40, 40)).toBe(5);
    expect(pushPercent('users', 40, 40)).toBe(10);
    expect(pushPercent('apply', 0, 53)).toBe(10);
    expect(pushPercent('apply', 53, 53)).toBe(100);
  });
  it('never goes back across the phases of a push', () => {
    const steps: [string, number, number][] = [['pull', 0, 1], ['departments', 20, 40], ['departments', 40, 40], ['users', 39, 40], ['users', 40, 40], ['apply', 1, 53], ['apply', 30, 53], ['batch', 500, 1000], ['apply', 53, 53]];
    const seen = steps.filter(([p]) => p !== 'batch').map(([p, d, t]) => pushPercent(p, d, t));
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1])).toBe(true);
    expect(seen.at(-1)).toBe(100);
  });
  it('an unknown phase or no total does not break the bar', () => {
    expect(pushPercent('something', 5, 10)).toBe(50);
    expect(pushPercent('apply', 3, 0)).toBe(10);
  });
});
