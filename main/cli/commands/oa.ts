import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Runner } from '../runner';
import { CliExit, EXIT, printError, printJson } from '../output';

function readOrFail(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw Object.assign(new Error(`无法读取${what} ${path}`), { code: 'bad_file' });
  }
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
        const report = await ctx.call('oa.import', { files, mapping, dryRun: !!o.dryRun });
        if (ctx.g.json) printJson(report);
        else if (report.ok) {
          const c = report.counts!;
          process.stdout.write(`${report.applied ? '已导入' : '校验通过（未导入）'}：部门 ${c.departments}（其中分部 ${c.subcompanies}），人员 ${c.users}（在职 ${c.active}，离职 ${c.departed}）\n`);
        } else {
          process.stderr.write(`导入失败，未做任何更改。共 ${report.errors.length} 处错误：\n`);
          for (const e of report.errors) process.stderr.write(`  ${e.sheet}${e.row ? ` 第${e.row}行` : ''}${e.column ? ` 「${e.column}」` : ''}：${e.reason}\n`);
        }
        if (!report.ok) throw new CliExit(EXIT.error);
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
}
