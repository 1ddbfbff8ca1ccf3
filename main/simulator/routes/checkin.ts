// checkin/getcheckindata and checkin/getcheckin_daydata (wecom-api.md §5): apps added to 「打卡 → 可调用接口的应用」;
// useridlist 1–100 (301023), a range of at most 30 days (301024).
import { z } from 'zod';
import { SimError } from '../errors';
import { parseBody, type Route, type RouteContext } from '../router';
import { userKey } from '../sim-state';
import type { SimCheckinRecord, SimUser } from '../types';
import { canSeeUser } from '../visibility';

const MAX_SPAN_SEC = 30 * 86400;
const CN_OFFSET_SEC = 8 * 3600;

const DataBody = z
  .object({
    opencheckindatatype: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    starttime: z.number().int(),
    endtime: z.number().int(),
    useridlist: z.array(z.string()),
  })
  .loose();

function checkRequest(ctx: RouteContext): { body: z.output<typeof DataBody>; users: SimUser[] } {
  if (ctx.caller.kind !== 'app' || !ctx.caller.app.checkinApi) throw new SimError(48002);
  const body = parseBody(ctx, DataBody);
  if (body.useridlist.length < 1 || body.useridlist.length > 100) throw new SimError(301023);
  if (body.endtime < body.starttime || body.endtime - body.starttime > MAX_SPAN_SEC) throw new SimError(301024);
  const state = ctx.sim.state;
  const users = body.useridlist
    .map((id) => state.user(id))
    .filter((u): u is SimUser => u !== undefined && canSeeUser(state, ctx.caller, u));
  return { body, users };
}

function recordsOf(ctx: RouteContext, users: SimUser[], start: number, end: number): SimCheckinRecord[] {
  const keys = new Set(users.map((u) => userKey(u.userid)));
  return ctx.sim.state.checkins.filter((r) => keys.has(userKey(r.userid)) && r.checkin_time >= start && r.checkin_time <= end);
}

/** Midnight (China time) of the day holding `t`. */
const dayStart = (t: number) => Math.floor((t + CN_OFFSET_SEC) / 86400) * 86400 - CN_OFFSET_SEC;

export const checkinRoutes: Route[] = [
  {
    method: 'POST',
    path: 'checkin/getcheckindata',
    allow: ['app'],
    handle: (ctx) => {
      const { body, users } = checkRequest(ctx);
      const type = body.opencheckindatatype ?? 3;
      const recs = recordsOf(ctx, users, body.starttime, body.endtime).filter(
        (r) => type === 3 || (type === 2 ? r.checkin_type === '外出打卡' : r.checkin_type !== '外出打卡'),
      );
      return { checkindata: recs };
    },
  },
  {
    method: 'POST',
    path: 'checkin/getcheckin_daydata',
    allow: ['app'],
    handle: (ctx) => {
      const { body, users } = checkRequest(ctx);
      const state = ctx.sim.state;
      const datas: Record<string, unknown>[] = [];
      const byUser = new Map<string, SimCheckinRecord[]>();
      for (const r of recordsOf(ctx, users, dayStart(body.starttime), body.endtime)) {
        if (r.checkin_type === '外出打卡') continue;
        const k = userKey(r.userid);
        byUser.set(k, [...(byUser.get(k) ?? []), r]);
      }
      for (const u of users) {
        const mine = byUser.get(userKey(u.userid)) ?? [];
        for (let day = dayStart(body.starttime); day <= body.endtime; day += 86400) {
          const recs = mine.filter((r) => r.checkin_time >= day && r.checkin_time < day + 86400);
          const times = recs.map((r) => r.checkin_time).sort((a, b) => a - b);
          const first = times[0] ?? 0;
          const last = times[times.length - 1] ?? 0;
          const exceptions = recs.filter((r) => r.exception_type !== '');
          const weekday = new Date((day + CN_OFFSET_SEC) * 1000).getUTCDay();
          datas.push({
            base_info: {
              date: day,
              record_type: 1,
              name: u.name,
              name_ex: u.alias,
              departs_name: u.department.map((d) => state.dept(d)?.name ?? '').join(','),
              acctid: u.userid,
              rule_info: { groupid: 1, groupname: '标准工时', scheduleid: 0, schedulename: '', checkintime: [{ work_sec: 32400, off_work_sec: 64800 }] },
              day_type: weekday === 0 || weekday === 6 ? 1 : 0,
            },
            summary_info: {
              checkin_count: recs.length,
              regular_work_sec: times.length >= 2 ? last - first : 0,
              standard_work_sec: 32400,
              earliest_time: first ? first - day : 0,
              lastest_time: last ? last - day : 0,
            },
            holiday_infos: [],
            exception_infos: exceptions.map((r) => ({ count: 1, duration: 0, exception: r.exception_type.includes('未打卡') ? 3 : 1 })),
            ot_info: { ot_status: 0, ot_duration: 0, exception_duration: [] },
            sp_items: [],
          });
        }
      }
      return { datas };
    },
  },
];
