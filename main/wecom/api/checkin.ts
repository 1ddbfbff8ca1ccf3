// Attendance (打卡): check-in records and daily reports — wecom-api.md §5. WeCom takes ≤ 100 userids and ≤ 30 days
// per call (301023 / 301024), so any request is split into users × ranges here; the limiter keeps the calls under
// 600/min (records) and 100/min (day reports).
// Secret: the 打卡 app's secret, or a self-built app added to 「打卡 → 可调用接口的应用」 (from 2023-12-01 the only
// way for new corps).
import { z } from 'zod';
import type { WeComClient } from '../client';
import { chunk } from './common';

export const CHECKIN_LIMITS = { usersPerCall: 100, maxSpanSec: 30 * 86400 } as const;

export interface TimeRange {
  /** Unix seconds. */
  start: number;
  end: number;
}

/**
 * PURE. Cuts [start, end] (inclusive, Unix seconds) into consecutive, non-overlapping pieces whose end − start
 * stays below `maxSpanSec`. `unitSec` is the resolution: 1 for timestamps, 86400 for whole days (pieces then run
 * from one day's 0:00 to a later day's 0:00, both days included).
 */
export function splitRange(range: TimeRange, maxSpanSec: number = CHECKIN_LIMITS.maxSpanSec, unitSec = 1): TimeRange[] {
  if (range.end < range.start) throw new RangeError(`时间范围无效：结束 ${range.end} 早于开始 ${range.start}`);
  if (maxSpanSec < unitSec) throw new RangeError('maxSpanSec must be ≥ unitSec');
  const out: TimeRange[] = [];
  for (let s = range.start; s <= range.end; ) {
    const e = Math.min(range.end, s + maxSpanSec - unitSec);
    out.push({ start: s, end: e });
    s = e + unitSec;
  }
  return out;
}

export const CheckinRecord = z.object({
  userid: z.string(),
  groupname: z.string().default(''),
  /** "上班打卡" / "下班打卡" / "外出打卡". */
  checkin_type: z.string().default(''),
  /** ";"-joined: 时间异常, 地点异常, 未打卡, wifi异常, 非常用设备; "" = normal. */
  exception_type: z.string().default(''),
  checkin_time: z.number().int(),
  location_title: z.string().optional(),
  location_detail: z.string().optional(),
  wifiname: z.string().optional(),
  wifimac: z.string().optional(),
  notes: z.string().optional(),
  mediaids: z.array(z.string()).default([]),
  /** × 1e6, GCJ-02. */
  lat: z.number().optional(),
  lng: z.number().optional(),
  deviceid: z.string().optional(),
  sch_checkin_time: z.number().optional(),
  groupid: z.number().optional(),
  schedule_id: z.number().optional(),
  timeline_id: z.number().optional(),
});
export type CheckinRecord = z.output<typeof CheckinRecord>;

/** 1 上下班 (commute), 2 外出 (field), 3 all. */
export type CheckinDataType = 1 | 2 | 3;

type Opts = { signal?: AbortSignal };

export interface CheckinQuery extends TimeRange {
  userids: readonly string[];
}

/** checkin/getcheckindata over any users and range: yields each call's records (users ≤ 100 × ≤ 30 days). */
export async function* iterCheckinData(client: WeComClient, q: CheckinQuery & { type?: CheckinDataType }, o: Opts = {}): AsyncGenerator<CheckinRecord[]> {
  const reply = z.object({ checkindata: z.array(CheckinRecord).default([]) });
  for (const users of chunk(q.userids, CHECKIN_LIMITS.usersPerCall)) {
    for (const r of splitRange(q)) {
      const body = { opencheckindatatype: q.type ?? 3, starttime: r.start, endtime: r.end, useridlist: users };
      const page = await client.post('checkin/getcheckindata', body, reply, { ...o, idempotent: true });
      yield page.checkindata;
    }
  }
}

export async function getCheckinData(client: WeComClient, q: CheckinQuery & { type?: CheckinDataType }, o: Opts = {}): Promise<CheckinRecord[]> {
  const out: CheckinRecord[] = [];
  for await (const recs of iterCheckinData(client, q, o)) out.push(...recs);
  return out;
}

export const CheckinDayData = z.object({
  base_info: z.object({
    /** The day's 0:00, Unix seconds. */
    date: z.number().int(),
    record_type: z.number().int().optional(),
    name: z.string().default(''),
    name_ex: z.string().optional(),
    departs_name: z.string().optional(),
    acctid: z.string(),
    rule_info: z
      .object({ groupid: z.number().optional(), groupname: z.string().optional(), scheduleid: z.number().optional(), schedulename: z.string().optional() })
      .optional(),
    /** 0 workday, 1 rest day. */
    day_type: z.number().int().optional(),
  }),
  summary_info: z
    .object({
      checkin_count: z.number().default(0),
      regular_work_sec: z.number().default(0),
      standard_work_sec: z.number().default(0),
      earliest_time: z.number().default(0),
      lastest_time: z.number().default(0),
    })
    .optional(),
  exception_infos: z.array(z.object({ exception: z.number().int(), count: z.number().default(0), duration: z.number().default(0) })).default([]),
  holiday_infos: z.array(z.record(z.string(), z.unknown())).default([]),
  ot_info: z.record(z.string(), z.unknown()).optional(),
  sp_items: z.array(z.record(z.string(), z.unknown())).default([]),
});
export type CheckinDayData = z.output<typeof CheckinDayData>;

/**
 * checkin/getcheckin_daydata over any users and days: `start` and `end` are days' 0:00 (both included); split into
 * ≤ 100 users × 30 whole days.
 */
export async function* iterCheckinDayData(client: WeComClient, q: CheckinQuery, o: Opts = {}): AsyncGenerator<CheckinDayData[]> {
  const reply = z.object({ datas: z.array(CheckinDayData).default([]) });
  for (const users of chunk(q.userids, CHECKIN_LIMITS.usersPerCall)) {
    for (const r of splitRange(q, CHECKIN_LIMITS.maxSpanSec, 86400)) {
      const body = { starttime: r.start, endtime: r.end, useridlist: users };
      const page = await client.post('checkin/getcheckin_daydata', body, reply, { ...o, idempotent: true });
      yield page.datas;
    }
  }
}

export async function getCheckinDayData(client: WeComClient, q: CheckinQuery, o: Opts = {}): Promise<CheckinDayData[]> {
  const out: CheckinDayData[] = [];
  for await (const rows of iterCheckinDayData(client, q, o)) out.push(...rows);
  return out;
}
