import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Runner } from '../runner';
import { CliExit, EXIT, printError, printJson } from '../output';
import { secretArg } from '../read-secret';
import { toApiError } from '../../api/dispatch';
import type { OaImportReport } from '../../api/schemas';
import type { CliContext } from '../context';

function readOrFail(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw Object.assign(new Error(`无法读取${what} ${path}`), { code: 'bad_file' });
  }
}

function printReport(ctx: CliContext, report: OaImportReport): void {
  if (ctx.g.json) printJson(report);
  else if (report.ok) {
    const c = report.counts!;
    process.stdout.write(`${report.applied ? '已导入' : '校验通过（未导入）'}：部门 ${c.departments}（其中分部 ${c.subcompanies}），人员 ${c.users}（在职 ${c.active}，离职 ${c.departed}）\n`);
  } else {
    process.stderr.write(`导入失败，未做任何更改。共 ${report.errors.length} 处错误：\n`);
    for (const e of report.errors) process.stderr.write(`  ${e.sheet}${e.row ? ` 第${e.row}行` : ''}${e.column ? ` 「${e.column}」` : ''}：${e.reason}\n`);
  }
  if (!report.ok) throw new CliExit(EXIT.error);
}

export function registerOa(program: Command, run: Runner) {
  const oa = program.command('oa').description('OA 组织架构（F4.9 文件来源）');

  oa.command('import')
    .description('导入 OA 组织架构：一个含「部门」「人员」工作表的 .xlsx，或部门、人员两个 .csv；任一行有误则不做任何更改')
    .argument('<file>', '.xlsx（或部门 .csv）')
    .argument('[file2]', '人员 .csv（CSV 方式时）')
    .option('--mapping <file>', '列映射 JSON（保存为该来源的映射）')
    .option('--dry-run', '只校验，不导入')
    .action(
      run(async (ctx, o, args) => {
        const files = args.filter(Boolean).map((p) => ({ name: basename(p), base64: readOrFail(p, '文件').toString('base64') }));
        let mapping: unknown = undefined;
        if (o.mapping) {
          try {
            mapping = JSON.parse(readOrFail(o.mapping, '映射文件').toString('utf8'));
          } catch (e) {
            if ((e as { code?: string }).code === 'bad_file') throw e;
            printError(ctx.g, { code: 'bad_mapping', message: `映射文件 ${o.mapping} 不是有效的 JSON` });
            throw new CliExit(EXIT.error);
          }
        }
        printReport(ctx, await ctx.call('oa.import', { files, mapping, dryRun: !!o.dryRun }));
      }),
    );

  oa.command('export')
    .description('导出当前 OA 组织架构（与导入相同的格式）')
    .requiredOption('--out <file>', '输出 .xlsx')
    .action(
      run(async (ctx, o) => {
        const file = await ctx.call('oa.export', {});
        writeFileSync(o.out, Buffer.from(file.base64, 'base64'));
        if (ctx.g.json) printJson({ out: o.out });
        else process.stdout.write(`已导出到 ${o.out}\n`);
      }),
    );

  oa.command('source')
    .description('JSON-over-HTTP 来源：不带参数时显示当前配置')
    .option('--url <url>', 'GET 返回 {departments: [...], users: [...]} 的地址')
    .option('--departments-key <k>', '部门数组的属性名', 'departments')
    .option('--users-key <k>', '人员数组的属性名', 'users')
    .option('--token <t>', 'Bearer 令牌（- 从标准输入读取；加密保存）')
    .option('--mapping <file>', '字段映射 JSON（与工作簿相同的格式）')
    .option('--write-url <url>', '写入地址：【是否同步到OA】把企业微信的变更 POST 到这里（可选）')
    .action(
      run(async (ctx, o) => {
        const core = await ctx.core();
        if (!o.url) {
          const cfg = core.services.oa.httpSource();
          if (ctx.g.json) return printJson(cfg);
          process.stdout.write(cfg ? `${cfg.url}（${cfg.hasToken ? '已设置令牌' : '无令牌'}；${cfg.writeUrl ? `写入地址 ${cfg.writeUrl}` : '无写入地址'}）\n` : '未配置 HTTP 来源\n');
          return;
        }
        let mapping: unknown;
        if (o.mapping) {
          try {
            mapping = JSON.parse(readOrFail(o.mapping, '映射文件').toString('utf8'));
          } catch (e) {
            printError(ctx.g, { code: 'bad_mapping', message: (e as { code?: string }).code === 'bad_file' ? (e as Error).message : `映射文件 ${o.mapping} 不是有效的 JSON` });
            throw new CliExit(EXIT.error);
          }
        }
        try {
          const cfg = core.services.oa.setHttpSource({ url: o.url, departmentsKey: o.departmentsKey, usersKey: o.usersKey, mapping, writeUrl: o.writeUrl }, secretArg(o.token), 'cli');
          if (ctx.g.json) printJson(cfg);
          else process.stdout.write(`已保存 HTTP 来源 ${cfg?.url}\n`);
        } catch (e) {
          printError(ctx.g, toApiError(e));
          throw new CliExit(EXIT.error);
        }
      }),
    );

  oa.command('fetch')
    .description('从 HTTP 来源获取 OA 组织架构并导入（任一行有误则不做任何更改）')
    .option('--dry-run', '只校验，不导入')
    .action(
      run(async (ctx, o) => {
        const core = await ctx.core();
        let report: OaImportReport;
        try {
          report = await core.services.oa.fetchHttp({ dryRun: !!o.dryRun, actor: 'cli' });
        } catch (e) {
          printError(ctx.g, toApiError(e));
          throw new CliExit(EXIT.error);
        }
        printReport(ctx, report);
      }),
    );
}
