import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { writeWorkbook } from '../../main/org/workbook-io';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliLongRunning } from '../helpers/cli';
import { filesContaining, tempDir } from '../helpers/tmp';

const dirs: { cleanup(): void }[] = [];
const dataDir = () => {
  const d = tempDir();
  dirs.push(d);
  return d.path;
};
afterAll(() => dirs.forEach((d) => d.cleanup()));

describe('wecom-bridge CLI (shared/CLI.md)', () => {
  it('corp add prints {"id"}; the contact secret is nowhere in clear under the data dir', () => {
    const D = dataDir();
    const r = cli(['corp', 'add', '--name', '演示', '--corpid', 'ww7788', '--api-base', 'http://10.1.2.3:8080', '--kind', 'private', '--contact-secret', 'CLI-SECRET-Q1W2E3', '--json', '--data-dir', D]);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ id: expect.stringMatching(/^c_/) });
    expect(filesContaining(D, 'CLI-SECRET-Q1W2E3')).toEqual([]);
    const list = cli(['--json', 'corp', 'list', '--data-dir', D]); // global flag before the command works too
    expect(list.code).toBe(0);
    expect(list.json).toEqual([expect.objectContaining({ id: (r.json as { id: string }).id, hasContactSecret: true, kind: 'private' })]);
    expect(list.stdout).not.toContain('CLI-SECRET');
  });

  it('exit 1 with the manual message for a private deployment on the public API base; exit 2 for usage', () => {
    const D = dataDir();
    const r = cli(['corp', 'add', '--name', 'x', '--corpid', 'ww1', '--api-base', 'https://qyapi.weixin.qq.com', '--kind', 'private', '--json', '--data-dir', D]);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ error: { message: '私有化部署的企业微信需要修改API服务地址' } });
    expect(cli(['corp', 'add', '--name', 'x', '--data-dir', D]).code).toBe(2);
    expect(cli(['no-such-command', '--data-dir', D]).code).toBe(2);
    expect(cli(['corp', 'list', '--json', '--data-dir', D]).json).toEqual([]);
  });

  it('app add / list / remove, reading the secret from stdin', () => {
    const D = dataDir();
    const corp = (cli(['corp', 'add', '--name', 'c', '--corpid', 'ww2', '--api-base', 'http://127.0.0.1:1', '--kind', 'private', '--json', '--data-dir', D]).json as { id: string }).id;
    const app = cli(['app', 'add', '--corp', corp, '--name', '通知', '--agentid', '1000002', '--secret', '-', '--json', '--data-dir', D], { input: 'STDIN-APP-SECRET\n' });
    expect(app.code).toBe(0);
    const id = (app.json as { id: string }).id;
    expect(filesContaining(D, 'STDIN-APP-SECRET')).toEqual([]);
    expect(cli(['app', 'list', '--corp', corp, '--json', '--data-dir', D]).json).toEqual([expect.objectContaining({ id, agentid: 1000002, name: '通知' })]);
    expect(cli(['app', 'remove', '--app', id, '--json', '--data-dir', D]).code).toBe(0);
    expect(cli(['app', 'remove', '--app', id, '--json', '--data-dir', D]).code).toBe(1);
  });

  it('external-address: an intranet IP needs --force while a public corp exists', () => {
    const D = dataDir();
    cli(['corp', 'add', '--name', '公网', '--corpid', 'ww3', '--api-base', 'https://qyapi.weixin.qq.com', '--json', '--data-dir', D]);
    const refused = cli(['external-address', 'set', 'http://10.1.2.3:8088', '--json', '--data-dir', D]);
    expect(refused.code).toBe(1);
    expect(JSON.stringify(refused.json)).toContain('扫码登录');
    expect(cli(['external-address', 'get', '--json', '--data-dir', D]).json).toMatchObject({ externalAddress: null });
    expect(cli(['external-address', 'set', 'http://10.1.2.3:8088', '--force', '--json', '--data-dir', D]).code).toBe(0);
    expect(cli(['external-address', 'get', '--json', '--data-dir', D]).json).toMatchObject({ externalAddress: 'http://10.1.2.3:8088' });
  });

  it('diag reports a network failure with exit 1 and the manual checks', () => {
    const D = dataDir();
    const corp = (cli(['corp', 'add', '--name', 'c', '--corpid', 'ww4', '--api-base', 'http://127.0.0.1:1', '--kind', 'private', '--json', '--data-dir', D]).json as { id: string }).id;
    const r = cli(['diag', '--corp', corp, '--json', '--data-dir', D]);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ verdict: 'network_fail', manualChecks: expect.arrayContaining(['ping 127.0.0.1']) });
  });

  it('serve --json prints one line once listening; /rpc without the token is 401; SIGTERM exits 0', async () => {
    const D = dataDir();
    const s = await cliLongRunning(['serve', '--json', '--port', '0', '--callback-port', '0', '--data-dir', D]);
    expect(s.line).toEqual({ ui: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/), port: expect.any(Number), token: expect.any(String), callback: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    const res = await request(`http://127.0.0.1:${s.line.port}/rpc/corps.list`, { method: 'POST' });
    await res.body.dump();
    expect(res.statusCode).toBe(401);
    const ok = await request(`http://127.0.0.1:${s.line.port}/rpc/corps.list`, { method: 'POST', headers: { authorization: `Bearer ${s.line.token}` } });
    expect(await ok.body.json()).toEqual({ ok: true, value: [] });
    expect(await s.stop()).toBe(0);
  });

  it('oa import: a workbook with a bad row changes nothing and lists the row; a good one replaces the snapshot', () => {
    const D = dataDir();
    const good = join(D, 'good.xlsx');
    const bad = join(D, 'bad.xlsx');
    const depts = [['部门编号', '部门名称', '上级部门编号'], ['1', '云桥科技', ''], ['2', '研发中心', '1']];
    writeFileSync(good, writeWorkbook([{ name: '部门', rows: depts }, { name: '人员', rows: [['工号', '姓名', '主部门编号', '状态'], ['E1', '张三', '2', '在职'], ['E2', '李四', '2', '离职']] }]));
    writeFileSync(bad, writeWorkbook([{ name: '部门', rows: depts }, { name: '人员', rows: [['工号', '姓名', '主部门编号'], ['E1', '张三', '9']] }]));
    const ok = cli(['oa', 'import', good, '--json', '--data-dir', D]);
    expect(ok.code).toBe(0);
    expect(ok.json).toMatchObject({ ok: true, applied: true, counts: { departments: 2, users: 2, active: 1, departed: 1 } });
    const refused = cli(['oa', 'import', bad, '--json', '--data-dir', D]);
    expect(refused.code).toBe(1);
    expect(refused.json).toMatchObject({ ok: false, applied: false, errors: [{ sheet: '人员', row: 2, column: '主部门编号' }] });
    const out = join(D, 'export.xlsx');
    expect(cli(['oa', 'export', '--out', out, '--json', '--data-dir', D]).code).toBe(0);
    expect(cli(['oa', 'import', out, '--dry-run', '--json', '--data-dir', D]).json).toMatchObject({ ok: true, applied: false, counts: { users: 2 } });
    expect(cli(['oa', 'import', join(D, 'missing.xlsx'), '--json', '--data-dir', D]).code).toBe(1);
  });
});
