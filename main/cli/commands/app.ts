import type { Command } from 'commander';
import type { Runner } from '../runner';
import { CliExit, EXIT, printError, printJson, printTable } from '../output';
import { secretArg } from '../read-secret';

export function registerApp(program: Command, run: Runner) {
  const app = program.command('app').description('应用集成：应用（AgentID + Secret）');

  app
    .command('add')
    .description('添加应用 → {"id": …}')
    .requiredOption('--corp <id>', '企业 ID')
    .requiredOption('--name <name>', '应用名称')
    .requiredOption('--agentid <n>', 'AgentID')
    .requiredOption('--secret <secret>', 'Secret（- 从标准输入读取）')
    .action(
      run(async (ctx, o) => {
        const a = await ctx.call('apps.create', { corpId: o.corp, name: o.name, agentid: o.agentid, secret: secretArg(o.secret) ?? '' });
        if (ctx.g.json) printJson({ id: a.id });
        else process.stdout.write(`已添加应用「${a.name}」 id: ${a.id}\n`);
      }),
    );

  app
    .command('list')
    .description('列出应用')
    .option('--corp <id>', '只列出该企业的应用')
    .action(
      run(async (ctx, o) => {
        const list = await ctx.call('apps.list', { corpId: o.corp || undefined });
        if (ctx.g.json) return printJson(list);
        printTable(
          list.map((a) => ({ ...a, state: a.validation ? (a.validation.ok ? '校验通过' : `失败 ${a.validation.errcode ?? ''}`) : '未校验' })),
          [['id', 'ID'], ['corpId', '企业'], ['name', '应用名称'], ['agentid', 'AgentID'], ['state', '校验'], ['egressIp', '公网IP']],
        );
      }),
    );

  app
    .command('validate')
    .description('校验应用：gettoken + agent/get，并记录出口公网IP')
    .requiredOption('--app <id>', '应用 ID')
    .action(
      run(async (ctx, o) => {
        const check = await ctx.call('apps.validate', { appId: o.app });
        if (!check.ok) {
          printError(ctx.g, { code: check.errcode === null ? 'network' : 'wecom', message: check.message, ...(check.errcode !== null ? { errcode: check.errcode } : {}), ...(check.hint ? { hint: check.hint } : {}), details: { egressIp: check.egressIp } });
          throw new CliExit(EXIT.error);
        }
        if (ctx.g.json) printJson(check);
        else process.stdout.write(`${check.message}${check.egressIp ? `，出口公网IP ${check.egressIp}` : ''}\n`);
      }),
    );

  app
    .command('remove')
    .description('删除应用')
    .requiredOption('--app <id>', '应用 ID')
    .action(
      run(async (ctx, o) => {
        await ctx.call('apps.remove', { appId: o.app });
        if (ctx.g.json) printJson({ removed: o.app });
        else process.stdout.write(`已删除应用 ${o.app}\n`);
      }),
    );
}
