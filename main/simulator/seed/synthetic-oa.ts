// The OA twin of `synthetic:N` for benchmarks and `demo-data`: the same root name and tree, every member
// matching by mobile with 登录名 = userid, except diffPct % of them: renamed, moved to another department, new on
// the OA side, or departed (离职) — departed at most a tenth of the differences, so default safety caps do not
// hold the plan. Pure and deterministic for (n, diffPct).
import type { OaDepartment, OaDirectory, OaUser } from './oa-directory';
import { GIVEN_FEMALE, GIVEN_MALE, randomPerson } from './names';
import { Prng } from './prng';
import { syntheticMobile, syntheticOrg, SYNTHETIC_EMAIL_DOMAIN } from './synthetic';

const oaId = (id: number) => `D${id}`;

export interface SyntheticOaCounts {
  renamed: number;
  moved: number;
  added: number;
  departed: number;
}

/** How diffPct % of n users split into kinds of difference. */
export function syntheticDiffCounts(n: number, diffPct: number): SyntheticOaCounts {
  const total = Math.round((n * Math.min(Math.max(diffPct, 0), 100)) / 100);
  const departed = Math.floor(total / 10);
  const rest = total - departed;
  const renamed = Math.floor(rest * 0.35);
  const moved = Math.floor(rest * 0.35);
  return { renamed, moved, added: rest - renamed - moved, departed };
}

export function syntheticOaDirectory(n: number, diffPct: number): OaDirectory {
  const org = syntheticOrg(n);
  const rng = new Prng(`synthetic-oa:${n}:${diffPct}`);
  const rank = new Map<number, number>();
  const seen = new Map<number, number>();
  for (const d of org.departments) {
    const k = (seen.get(d.parentid) ?? 0) + 1;
    seen.set(d.parentid, k);
    rank.set(d.id, k);
  }
  const departments: OaDepartment[] = org.departments.map((d) => ({
    id: oaId(d.id),
    name: d.name,
    parentId: d.parentid === 0 ? null : oaId(d.parentid),
    order: rank.get(d.id) ?? 1,
    type: d.parentid === 0 || d.parentid === 1 ? '分部' : '部门',
  }));
  const users: OaUser[] = org.users.map((u, i) => ({
    workcode: org.workcodes[i],
    loginid: u.userid,
    name: u.name,
    mobile: u.mobile,
    email: u.email,
    position: u.position,
    department: oaId(u.main_department),
    partTimeDepartments: u.department.filter((d) => d !== u.main_department).map(oaId),
    status: '在职',
    order: i + 1,
  }));
  const c = syntheticDiffCounts(n, diffPct);
  const changed = c.renamed + c.moved + c.departed;
  // Distinct members for each kind of change: a partial Fisher–Yates over the indices.
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < Math.min(changed, n); i++) {
    const j = i + Math.floor(rng.next() * (n - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  const given = [...GIVEN_MALE, ...GIVEN_FEMALE];
  for (const i of idx.slice(0, c.renamed)) {
    const u = users[i];
    const chars = [...u.name];
    chars[chars.length - 1] = rng.pick(given.filter(([g]) => g !== chars[chars.length - 1]))[0];
    u.name = chars.join('');
  }
  const leafIds = departments.length > 1 ? departments.slice(1).map((d) => d.id) : [departments[0].id];
  for (const i of idx.slice(c.renamed, c.renamed + c.moved)) {
    const u = users[i];
    let to = rng.pick(leafIds);
    for (let tries = 0; to === u.department && tries < 5; tries++) to = rng.pick(leafIds);
    u.department = to;
    u.partTimeDepartments = u.partTimeDepartments.filter((d) => d !== to);
  }
  for (const i of idx.slice(c.renamed + c.moved, changed)) users[i].status = '离职';
  for (let k = 0; k < c.added; k++) {
    const p = randomPerson(rng);
    const loginid = `${p.pinyin}.oa${k + 1}`;
    users.push({
      workcode: `S${String(n + k + 1).padStart(7, '0')}`,
      loginid,
      name: p.name,
      mobile: syntheticMobile(k, '15'),
      email: `${loginid}@${SYNTHETIC_EMAIL_DOMAIN}`,
      position: '专员',
      department: rng.pick(leafIds),
      partTimeDepartments: [],
      status: '在职',
      order: n + k + 1,
    });
  }
  return { departments, users };
}
