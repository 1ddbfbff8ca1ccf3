import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { splitRange } from '../../../main/wecom/api/checkin';
import { chunk, IdList } from '../../../main/wecom/api/common';
import { mediaProblems } from '../../../main/wecom/api/batch';
import { agentSettingsProblems } from '../../../main/wecom/api/agents';

const DAY = 86_400;

describe('checkin range splitting', () => {
  it('cuts a range into contiguous, non-overlapping pieces below 30 days', () => {
    const start = 1_700_000_000;
    const end = start + 65 * DAY;
    const parts = splitRange({ start, end });
    expect(parts).toHaveLength(3);
    expect(parts[0].start).toBe(start);
    expect(parts[parts.length - 1].end).toBe(end);
    for (let i = 0; i < parts.length; i++) {
      expect(parts[i].end - parts[i].start).toBeLessThan(30 * DAY);
      if (i > 0) expect(parts[i].start).toBe(parts[i - 1].end + 1);
    }
  });

  it('keeps a short range whole, and a single instant', () => {
    expect(splitRange({ start: 10, end: 10 + 29 * DAY })).toEqual([{ start: 10, end: 10 + 29 * DAY }]);
    expect(splitRange({ start: 5, end: 5 })).toEqual([{ start: 5, end: 5 }]);
    expect(() => splitRange({ start: 6, end: 5 })).toThrow(RangeError);
  });

  it('whole days: 0:00 to 0:00, 30 days per piece, both ends included', () => {
    const d0 = 1_700_006_400; // a day's 0:00 (UTC+8)
    const parts = splitRange({ start: d0, end: d0 + 59 * DAY }, 30 * DAY, DAY);
    expect(parts).toEqual([
      { start: d0, end: d0 + 29 * DAY },
      { start: d0 + 30 * DAY, end: d0 + 59 * DAY },
    ]);
  });
});

describe('shared helpers', () => {
  it('IdList reads WeCom’s "a|b" strings and arrays alike', () => {
    const S = z.object({ invaliduser: IdList });
    expect(S.parse({ invaliduser: 'u1|u2' }).invaliduser).toEqual(['u1', 'u2']);
    expect(S.parse({ invaliduser: '' }).invaliduser).toEqual([]);
    expect(S.parse({}).invaliduser).toEqual([]);
    expect(S.parse({ invaliduser: [3, 'x'] }).invaliduser).toEqual(['3', 'x']);
  });

  it('chunk', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 200)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });

  it('media sizes per type (> 5 bytes; image 10 MB, voice 2 MB, file 20 MB)', () => {
    expect(mediaProblems('file', 'a.csv', 5)).toHaveLength(1);
    expect(mediaProblems('file', 'a.csv', 20 * 1024 * 1024)).toEqual([]);
    expect(mediaProblems('file', 'a.csv', 20 * 1024 * 1024 + 1)).toHaveLength(1);
    expect(mediaProblems('voice', 'a.amr', 2 * 1024 * 1024 + 1)).toHaveLength(1);
  });

  it('agent settings: description 4–120 characters, home_url with a scheme', () => {
    expect(agentSettingsProblems({ agentid: 1, home_url: 'https://a/' })).toEqual([]);
    expect(agentSettingsProblems({ agentid: 1, description: '太短', home_url: 'a.example' })).toHaveLength(2);
  });
});
