// F4.12: a kill -9 at a random point of a push, then the same push again, ends with WeCom exactly as an
// uninterrupted push leaves it — no duplicate departments or users. Real processes, real SQLite, real HTTP.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../main/simulator';
import { writeWorkbook } from '../../main/org/workbook-io';
import { BIN, cliAsync as cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** 12 departments, 240 people: enough operations for a kill to land in the middle. */
function oaWorkbook(root: string): Buffer {
  const depts = [['1', root, '']];
  for (let d = 2; d <= 13; d++) depts.push([String(d), `部门${d}`, d <= 5 ? '1' : String(2 + (d % 4))]);
  const users = Array.from({ length: 240 }, (_, i) => [`E${i}`, `user${i}`, `员工${i}`, `139${String(i).padStart(8, '0')}`, String(2 + (i % 12)), '在职']);
  return writeWorkbook([
    { name: '部门', rows: [['部门编号', '部门名称', '上级部门编号'], ...depts] },
    { name: '人员', rows: [['工号', '登录名', '姓名', '手机', '主部门编号', '状态'], ...users] },
  ]);
}

async function prepared(): Promise<{ sim: SimulatorHandle; dir: string; corp: string; hash: string }> {
  const sim = await startSimulator({ port: 0, seed: 'empty' });
  const d = tempDir();
  cleanups.push(() => sim.close(), () => d.cleanup());
  const corp = ((await cli(['corp', 'add', '--name', 'crash', '--corpid', sim.corpid, '--api-base', sim.url, '--kind', 'private', '--contact-secret', sim.contactSecret, '--json', '--data-dir', d.path])).json as { id: string }).id;
  const file = join(d.path, 'oa.xlsx');
  writeFileSync(file, oaWorkbook(sim.state.dept(1)!.name));
  expect((await cli(['oa', 'import', file, '--json', '--data-dir', d.path])).code).toBe(0);
  const pulled = await cli(['pull', '--corp', corp, '--json', '--data-dir', d.path]);
  expect(pulled.code, pulled.stdout + pulled.stderr).toBe(0);
  const sim1 = await cli(['simulate', '--corp', corp, '--json', '--data-dir', d.path]);
  expect(sim1.code).toBe(0);
  return { sim, dir: d.path, corp, hash: (sim1.json as { hash: string }).hash };
}

/** WeCom as a comparable value: department paths, and each person's name, departments (as paths) and state. */
function snapshot(sim: SimulatorHandle) {
  const path = (id: number): string => {
    const d = sim.state.dept(id)!;
    return d.parentid === 0 ? d.name : `${path(d.parentid)}/${d.name}`;
  };
  const depts = [...sim.state.departments.values()].map((d) => path(d.id)).sort();
  const users = sim.state.usersSorted().map((u) => `${u.userid}:${u.name}:${u.department.map(path).sort().join(',')}:${u.enable}`);
  return { depts, users };
}

function doneOps(dir: string): number {
  const db = new Database(join(dir, 'wecom-bridge.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM run_ops WHERE status = 'done'").get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

/** Starts `push`, waits until `killAfter` operations are journalled as done, then kill -9. */
async function killMidPush(dir: string, corp: string, hash: string, killAfter: number): Promise<{ done: number; killed: boolean }> {
  const child = spawn(process.execPath, [BIN, 'push', '--corp', corp, '--plan', hash, '--json', '--data-dir', dir], { stdio: 'ignore' });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let done = 0;
  let killed = false;
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    done = doneOps(dir);
    if (done >= killAfter) {
      killed = child.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const code = await exited;
  return { done, killed: killed && code === null };
}

describe('push: crash and resume', () => {
  it('ends identical to an uninterrupted push, for several random kill points', async () => {
    const reference = await prepared();
    const ok = await cli(['push', '--corp', reference.corp, '--plan', reference.hash, '--json', '--data-dir', reference.dir]);
    expect(ok.json).toMatchObject({ status: 'succeeded', failed: [] });
    const expected = snapshot(reference.sim);
    expect(expected.users).toHaveLength(240);
    expect(expected.depts).toHaveLength(13);

    for (const killAfter of [3, 40 + Math.floor(Math.random() * 80), 150 + Math.floor(Math.random() * 90)]) {
      const run = await prepared();
      expect(run.hash).toBe(reference.hash);
      const { done: doneBeforeKill, killed } = await killMidPush(run.dir, run.corp, run.hash, killAfter);
      expect(killed, `the push finished before ${killAfter} operations were done`).toBe(true);
      expect(doneBeforeKill).toBeLessThan(252);
      const again = await cli(['push', '--corp', run.corp, '--plan', run.hash, '--json', '--data-dir', run.dir]);
      expect(again.json, `resume after a kill at ${doneBeforeKill} done ops: ${again.stdout}${again.stderr}`).toMatchObject({ status: 'succeeded', failed: [] });
      expect(snapshot(run.sim), `kill at ${doneBeforeKill}`).toEqual(expected);
      // And the next simulation has nothing left to do.
      expect(((await cli(['simulate', '--corp', run.corp, '--json', '--data-dir', run.dir])).json as { changes: number }).changes).toBe(0);
    }
  }, 240_000);
});
