import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { toApiError } from '../../api/dispatch';
import type { JobContext } from '../../jobs/job-runner';
import type { CliContext } from '../context';
import { CliExit, EXIT, printError, printJson, printTable } from '../output';
import type { Runner } from '../runner';

/** Long work in the CLI: Ctrl+C cancels cooperatively (a rerun resumes from the journal). */
function cliJob(ctx: CliContext): Pick<JobContext, 'signal' | 'progress'> {
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort(new Error('cancelled')));
  let last = 0;
  return {
    signal: ac.signal,
    progress(phase, done, total) {
      if (ctx.g.json || !process.stderr.isTTY || Date.now() - last < 200) return;
      last = Date.now();
      process.stderr.write(`\r${phase} ${done}/${total}   `);
    },
  };
}

/** Runs a service call and maps refusals: safety rules exit 3, everything else 1. */
async function guarded<T>(ctx: CliContext, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const err = toApiError(e);
    printError(ctx.g, err);
    throw new CliExit((e as { safety?: boolean }).safety ? EXIT.safety : EXIT.error);
  }
}

export function registerSync(program: Command, run: Runner) {
  const config = program.command('config').description('通讯录同步设置（见 README 的设置项表）');
  config
    .command('get')
    .argument('[key]')
    .requiredOption('--corp <id>', '企业 ID')
    .action(
      run(async (ctx, o, args) => {
        const v = await ctx.call('sync.config.get', { corpId: o.corp, key: args[0] });
        if (ctx.g.json) return printJson(args[0] ? v[args[0]] ?? null : v);
        for (const [k, val] of Object.entries(v)) process.stdout.write(`${k} = ${JSON.stringify(val)}\n`);
      }),
    );
  config
    .command('set')
    .argument('<key>')
    .argument('<value>')
    .requiredOption('--corp <id>', '企业 ID')
    .action(
      run(async (ctx, o, args) => {
        const v = await ctx.call('sync.config.set', { corpId: o.corp, key: args[0], value: args[1] });
        if (ctx.g.json) return printJson(v);
        process.stdout.write(`${args[0]} = ${JSON.stringify(v[args[0]])}\n`);
      }),
    );

  program
    .command('pull')
    .description('从企业微信同步组织用户绑定关系（F4.2）')
    .requiredOption('--corp <id>', '企业 ID')
    .action(
      run(async (ctx, o) => {
        const core = await ctx.core();
        const r = await guarded(ctx, () => core.services.sync.pull(o.corp, cliJob(ctx), 'cli'));
        const { error, ...out } = r;
        if (ctx.g.json) printJson(r.complete ? out : { ...out, error });
        else process.stdout.write(`${r.complete ? '同步完成' : `同步不完整（${error}）：本地通讯录保持上次的结果`}：部门 ${r.departments}，成员 ${r.users}，已绑定 ${r.bound}，新绑定 ${r.newBindings}\n`);
        if (!r.complete) throw new CliExit(EXIT.error);
      }),
    );

  program
    .command('simulate')
    .description('模拟同步：计划、冲突和安全判定，不写企业微信（F4.10）')
    .requiredOption('--corp <id>', '企业 ID')
    .action(
      run(async (ctx, o) => {
        const core = await ctx.core();
        const p = await guarded(ctx, () => core.services.sync.simulate(o.corp, 'cli'));
        if (p.stop) {
          printError(ctx.g, { ...p.stop });
          throw new CliExit(p.stop.code === 'root_mismatch' ? EXIT.safety : EXIT.error);
        }
        const s = p.summary;
        if (ctx.g.json) printJson(s);
        else {
          process.stdout.write(`计划 ${s.hash}：${Object.entries(s.counts).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join('，') || '无变更'}\n`);
          process.stdout.write(`删除/禁用 ${s.destructive}（其中不在范围内：用户 ${s.outOfScope.users}，部门 ${s.outOfScope.depts}）；冲突 ${s.conflictsTotal}；预计 ${s.estimate.calls} 次调用，约 ${s.estimate.seconds} 秒\n`);
          for (const c of s.conflicts.slice(0, 20)) process.stdout.write(`  冲突：${c.message} → ${c.fix}\n`);
          for (const h of s.safety.held) process.stdout.write(`  已暂停（${h.rule}，${h.setting}）：${h.message}\n`);
          if (s.removalsWithheld) process.stdout.write('  上次同步不完整：本计划不含任何删除/禁用\n');
        }
        if (!s.safety.ok) throw new CliExit(EXIT.safety);
      }),
    );

  program
    .command('push')
    .description('同步通讯录到企业微信：执行模拟得到的计划（F4.12）')
    .requiredOption('--corp <id>', '企业 ID')
    .requiredOption('--plan <hash>', '模拟得到的计划哈希')
    .option('--confirm <n>', '删除/禁用操作的数量（计划含此类操作时必填）')
    .option('--approve-held', '批准被安全规则暂停的这份计划')
    .action(
      run(async (ctx, o) => {
        const core = await ctx.core();
        const confirm = o.confirm === undefined ? undefined : Number(o.confirm);
        const r = await guarded(ctx, () => core.services.push.push(o.corp, { hash: o.plan, confirm, approveHeld: !!o.approveHeld, actor: 'cli' }, cliJob(ctx)));
        if (ctx.g.json) printJson(r);
        else {
          process.stdout.write(`${r.status}：完成 ${r.done}，失败 ${r.failed.length}\n`);
          for (const f of r.failed) process.stdout.write(`  ${f.op} ${f.target}：${f.message}\n`);
          for (const h of r.held ?? []) process.stdout.write(`  已暂停（${h.rule}）：${h.message}\n`);
        }
        if (r.held?.length) throw new CliExit(EXIT.safety);
        if (r.status !== 'succeeded') throw new CliExit(EXIT.error);
      }),
    );

  const mirror = program.command('mirror').description('本地通讯录（企业微信镜像）');
  mirror
    .command('depts')
    .requiredOption('--corp <id>', '企业 ID')
    .action(
      run(async (ctx, o) => {
        const d = await ctx.call('mirror.depts', { corpId: o.corp });
        if (ctx.g.json) return printJson(d);
        printTable(d.map((x) => ({ ...x, linked: x.linkedTo ? `● ${x.linkedTo}` : '' })), [['id', 'ID'], ['name', '名称'], ['parentId', '上级'], ['linked', '已关联']]);
      }),
    );
  mirror
    .command('users')
    .requiredOption('--corp <id>', '企业 ID')
    .option('--dept <id>', '部门 ID')
    .option('--search <text>', '按账号、姓名、手机、邮箱搜索')
    .option('--limit <n>', '最多条数', '1000')
    .action(
      run(async (ctx, o) => {
        const r = await ctx.call('mirror.users', { corpId: o.corp, dept: o.dept ? Number(o.dept) : undefined, search: o.search || undefined, limit: Number(o.limit) });
        if (ctx.g.json) return printJson(r.users);
        printTable(r.users.map((u) => ({ ...u, dept: u.department.join(','), st: u.status === 2 ? '禁用' : u.status === 4 ? '未激活' : '正常' })), [['userid', '账号'], ['name', '姓名'], ['mobile', '手机'], ['dept', '部门'], ['st', '状态'], ['boundTo', '绑定OA']]);
        process.stdout.write(`共 ${r.total}\n`);
      }),
    );

  const bind = program.command('bind').description('用户绑定/解绑（F4.6）');
  bind
    .command('list')
    .requiredOption('--corp <id>', '企业 ID')
    .action(
      run(async (ctx, o) => {
        const b = await ctx.call('bindings.list', { corpId: o.corp });
        if (ctx.g.json) return printJson(b);
        printTable(b, [['wxUserid', '企业微信账号'], ['oaUserId', 'OA 用户'], ['source', '来源'], ['boundAt', '绑定时间']]);
      }),
    );
  bind
    .command('add')
    .description('【手动绑定】')
    .requiredOption('--corp <id>', '企业 ID')
    .requiredOption('--userid <u>', '企业微信账号')
    .requiredOption('--oa-user <id>', 'OA 用户 ID')
    .action(
      run(async (ctx, o) => {
        const b = await ctx.call('bindings.bind', { corpId: o.corp, userid: o.userid, oaUserId: o.oaUser });
        if (ctx.g.json) return printJson(b);
        process.stdout.write(`已绑定 ${b.wxUserid} ↔ ${b.oaUserId}\n`);
      }),
    );
  bind
    .command('export')
    .requiredOption('--corp <id>', '企业 ID')
    .requiredOption('--out <file>', '输出 .xlsx')
    .action(
      run(async (ctx, o) => {
        const f = await ctx.call('bindings.export', { corpId: o.corp });
        writeFileSync(o.out, Buffer.from(f.base64, 'base64'));
        if (ctx.g.json) printJson({ out: o.out });
        else process.stdout.write(`已导出到 ${o.out}：填写「关联字段」列后用 bind import 导入\n`);
      }),
    );
  bind
    .command('import')
    .argument('<file>')
    .requiredOption('--corp <id>', '企业 ID')
    .requiredOption('--field <f>', '关联字段填写的 OA 字段：loginid | workcode | mobile | email | id')
    .option('--overwrite', '覆盖已有绑定')
    .option('--dry-run', '只生成逐行报告，不导入')
    .action(
      run(async (ctx, o, args) => {
        let data: Buffer;
        try {
          data = readFileSync(args[0]);
        } catch {
          printError(ctx.g, { code: 'bad_file', message: `无法读取 ${args[0]}` });
          throw new CliExit(EXIT.error);
        }
        const r = await ctx.call('bindings.import', { corpId: o.corp, file: { name: basename(args[0]), base64: data.toString('base64') }, field: o.field as 'loginid', overwrite: !!o.overwrite, dryRun: !!o.dryRun });
        if (ctx.g.json) printJson(r);
        else {
          process.stdout.write(`绑定 ${r.bound}，跳过 ${r.skipped}，错误 ${r.errors}${r.applied ? '' : '（未导入）'}\n`);
          for (const x of r.rows.filter((x) => x.result !== 'bound')) process.stdout.write(`  第${x.row}行 ${x.userid}：${x.reason}\n`);
        }
      }),
    );
  bind
    .command('remove')
    .requiredOption('--corp <id>', '企业 ID')
    .option('--userid <u>', '解绑一个企业微信账号')
    .option('--all', '【批量解绑】该企业的全部绑定')
    .option('--confirm <n>', '批量解绑的数量')
    .action(
      run(async (ctx, o) => {
        if (o.all) {
          const core = await ctx.core();
          const removed = await guarded(ctx, () => core.services.bindings.removeAll(o.corp, o.confirm === undefined ? undefined : Number(o.confirm), 'cli'));
          if (ctx.g.json) printJson({ removed });
          else process.stdout.write(`已解除 ${removed} 个绑定\n`);
          return;
        }
        if (!o.userid) {
          printError(ctx.g, { code: 'usage', message: '需要 --userid 或 --all' });
          throw new CliExit(EXIT.usage);
        }
        await ctx.call('bindings.remove', { corpId: o.corp, userid: o.userid });
        if (ctx.g.json) printJson({ removed: o.userid });
        else process.stdout.write(`已解绑 ${o.userid}\n`);
      }),
    );

  program
    .command('history')
    .description('同步记录（F4.14）')
    .option('--corp <id>', '企业 ID')
    .option('--limit <n>', '条数', '50')
    .action(
      run(async (ctx, o) => {
        const h = await ctx.call('history.list', { corpId: o.corp || undefined, limit: Number(o.limit) });
        if (ctx.g.json) return printJson(h);
        printTable(h.map((x) => ({ ...x, plan: x.planHash ?? '' })), [['startedAt', '时间'], ['kind', '类型'], ['status', '结果'], ['actor', '操作人'], ['plan', '计划']]);
      }),
    );
}
