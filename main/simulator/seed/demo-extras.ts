// What the demo enterprise has besides its directory: three apps with different visible scopes, external
// contacts of the sales staff, and check-in records for the last 7 days (relative to the simulated clock, so the
// records are always recent; everything else about them is deterministic).
import type { SimApp, SimCheckinRecord, SimExternalContact, SimUser } from '../types';
import { userStatus } from '../user-ops';
import { DEMO_RD_CENTER } from './demo-org';
import { CUSTOMER_COMPANIES, CUSTOMER_POSITIONS, randomPerson } from './names';
import { Prng } from './prng';

export function baseApp(agentid: number, name: string, secret: string): SimApp {
  return {
    agentid, name, secret, description: `${name}（演示应用）`,
    square_logo_url: `https://wework.qpic.cn/wwpic/app${agentid}/0`, allow_partys: [1], allow_users: [], allow_tags: [],
    close: 0, redirect_domain: '', report_location_flag: 0, isreportenter: 0, home_url: '', customerContactApi: false,
    checkinApi: false, sensitiveFields: true, menu: null,
  };
}

/** 云桥工作台 sees the whole company; 研发周报 only 研发中心; 高管助手 only a list of users (no department). */
export function demoApps(secrets: [string, string, string], users: SimUser[]): SimApp[] {
  const workbench = { ...baseApp(1000002, '云桥工作台', secrets[0]), customerContactApi: true, checkinApi: true };
  workbench.home_url = 'https://work.yunqiao-demo.cn/';
  const weekly = { ...baseApp(1000003, '研发周报', secrets[1]), allow_partys: [DEMO_RD_CENTER] };
  const execs = users.filter((u) => u.main_department === 10 || (u.is_leader_in_dept[0] === 1 && [11, 12, 14].includes(u.main_department)));
  const assistant = { ...baseApp(1000004, '高管助手', secrets[2]), allow_partys: [], allow_users: execs.map((u) => u.userid), sensitiveFields: false };
  return [workbench, weekly, assistant];
}

export function demoExternalContacts(users: SimUser[], nowMs: number): SimExternalContact[] {
  const rng = new Prng('yunqiao-demo-external');
  const followers = users.filter((u) => u.customerContact && userStatus(u) === 1);
  const out: SimExternalContact[] = [];
  const nowSec = Math.floor(nowMs / 1000);
  for (let i = 0; i < 64; i++) {
    const p = randomPerson(rng);
    const corp = rng.pick(CUSTOMER_COMPANIES);
    const wecom = rng.chance(0.4);
    const owners = rng.chance(0.25) ? [rng.pick(followers), rng.pick(followers)] : [rng.pick(followers)];
    const unique = [...new Set(owners)];
    out.push({
      external_userid: `wm${rng.token(30)}`,
      name: p.name,
      position: rng.pick(CUSTOMER_POSITIONS),
      avatar: `https://wx.qlogo.cn/mmhead/demo${i}/0`,
      corp_name: wecom ? corp.replace(/有限公司$/, '').slice(2, 6) : '',
      corp_full_name: wecom ? corp : '',
      type: wecom ? 2 : 1,
      gender: p.gender === '1' ? 1 : 2,
      unionid: wecom ? '' : `o${rng.token(27)}`,
      follow_user: unique.map((u) => ({
        userid: u.userid,
        remark: `${p.name}-${corp.slice(2, 4)}`,
        description: `${corp}${rng.pick(CUSTOMER_POSITIONS)}`,
        createtime: nowSec - rng.int(1, 400) * 86400 - rng.int(0, 36_000),
        tags: rng.chance(0.6) ? [{ group_name: '客户等级', tag_name: rng.pick(['A类客户', 'B类客户', 'C类客户']), tag_id: `et${rng.token(20)}`, type: 1 }] : [],
        remark_corp_name: corp,
        remark_mobiles: [`1${rng.pick(['39', '86', '58'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`],
        oper_userid: u.userid,
        add_way: rng.pick([1, 2, 3, 201]),
        state: '',
      })),
    });
  }
  return out;
}

const CN = 8 * 3600;

/** Weekday check-ins (上班/下班, some 外出) for active members over the 7 days before `nowMs`. */
export function demoCheckins(users: SimUser[], nowMs: number): SimCheckinRecord[] {
  const rng = new Prng('yunqiao-demo-checkin');
  const today = Math.floor((Math.floor(nowMs / 1000) + CN) / 86400) * 86400 - CN;
  const out: SimCheckinRecord[] = [];
  const active = users.filter((u) => userStatus(u) === 1);
  for (let back = 7; back >= 1; back--) {
    const day = today - back * 86400;
    const weekday = new Date((day + CN) * 1000).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const u of active) {
      const device = `dev-${u.open_userid.slice(2, 10)}`;
      const base = {
        userid: u.userid, groupname: '标准工时', location_title: '云桥大厦', location_detail: '上海市浦东新区张江路 88 号',
        wifiname: 'YunQiao-Office', wifimac: '3c:46:d8:0c:7a:70', notes: '', mediaids: [], lat: 31204055, lng: 121587890,
        deviceid: device, groupid: 1, schedule_id: 0, timeline_id: 0,
      };
      const missed = rng.chance(0.02);
      const on = day + 9 * 3600 + rng.int(-25 * 60, 12 * 60);
      out.push({
        ...base, checkin_type: '上班打卡', sch_checkin_time: day + 9 * 3600,
        checkin_time: missed ? day + 9 * 3600 : on,
        exception_type: missed ? '未打卡' : on > day + 9 * 3600 ? '时间异常' : '',
        ...(missed ? { location_title: '', location_detail: '', wifiname: '', wifimac: '', lat: 0, lng: 0 } : {}),
      });
      if (u.customerContact && rng.chance(0.15)) {
        out.push({
          ...base, checkin_type: '外出打卡', sch_checkin_time: 0, checkin_time: day + 14 * 3600 + rng.int(0, 7200),
          exception_type: '', location_title: rng.pick(CUSTOMER_COMPANIES), location_detail: '客户现场拜访', wifiname: '', wifimac: '',
          lat: 31230416 + rng.int(-50_000, 50_000), lng: 121473701 + rng.int(-50_000, 50_000), notes: '拜访客户',
        });
      }
      const off = day + 18 * 3600 + rng.int(-15 * 60, 150 * 60);
      out.push({ ...base, checkin_type: '下班打卡', sch_checkin_time: day + 18 * 3600, checkin_time: off, exception_type: off < day + 18 * 3600 ? '时间异常' : '' });
    }
  }
  return out;
}
