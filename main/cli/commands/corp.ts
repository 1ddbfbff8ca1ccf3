import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CorpKind } from '../../api/schemas';
import type { Runner } from '../runner';
import { CliExit, EXIT, printError, printJson, printTable } from '../output';
import { secretArg } from '../read-secret';

const KIND_ZH = { public: '企业微信', private: '私有化部署', gov: '政务微信' } as const;

export function registerCorp(program: Command, run: Runner) {
  const corp = program.command('corp').description('企业微信集成：企业（corp）');

  corp
    .command('add')
    .description('添加企业 → {"id": …}')
    .requiredOption('--name <name>', '企业名称')
    .requiredOption('--corpid <corpid>', 'CorpID（【我的企业】 → 企业ID）')
    .requiredOption('--api-base <url>', 'API服务地址，如 https://qyapi.weixin.qq.com 或私有化部署地址')
    .option('--kind <kind>', 'public | private | gov', 'public')
    .option('--api-prefix <path>', 'API 路径前缀', '/cgi-bin')
    .option('--contact-secret <secret>', '通讯录密钥（- 从标准输入读取）')
    .option('--customer-secret <secret>', '客户联系秘钥（- 从标准输入读取）')
    .option('--proxy <url>', 'HTTP 代理')
    .option('--ca-file <pem>', '自定义 CA 证书（PEM 文件）')
    .action(
      run(async (ctx, o) => {
        let caPem: string | undefined;
        if (o.caFile) {
          try {
            caPem = readFileSync(o.caFile, 'utf8');
          } catch {
            printError(ctx.g, { code: 'bad_file', message: `无法读取 CA 文件 ${o.caFile}` });
            throw new CliExit(EXIT.error);
          }
        }
        const c = await ctx.call('corps.create', {
          name: o.name,
          corpid: o.corpid,
          kind: o.kind as CorpKind, // validated at dispatch like every other flag
          apiBase: o.apiBase,
          apiPrefix: o.apiPrefix,
          proxyUrl: o.proxy,
          caPem,
          contactSecret: secretArg(o.contactSecret),
          customerSecret: secretArg(o.customerSecret),
        });
        if (ctx.g.json) printJson({ id: c.id });
        else process.stdout.write(`已添加企业「${c.name}」 id: ${c.id}\n`);
      }),
    );

  corp
    .command('list')
    .description('列出企业')
    .action(
      run(async (ctx) => {
        const list = await ctx.call('corps.list', {});
        if (ctx.g.json) return printJson(list);
        printTable(
          list.map((c) => ({ ...c, kindZh: KIND_ZH[c.kind], contact: c.hasContactSecret ? '已设置' : '未设置' })),
          [['id', 'ID'], ['name', '企业名称'], ['corpid', 'CorpID'], ['kindZh', '类型'], ['apiBase', 'API服务地址'], ['contact', '通讯录密钥']],
        );
      }),
    );

  corp
    .command('show')
    .description('查看企业')
    .requiredOption('--corp <id>', '企业 ID')
    .action(
      run(async (ctx, o) => {
        const c = await ctx.call('corps.get', { corpId: o.corp });
        if (ctx.g.json) return printJson(c);
        for (const [k, v] of Object.entries(c)) if (k !== 'caPem') process.stdout.write(`${k}: ${v ?? ''}\n`);
        process.stdout.write(`caPem: ${c.caPem ? '已设置' : ''}\n`);
      }),
    );

  corp
    .command('test')
    .description('测试连接：用通讯录密钥（或客户联系秘钥）获取 access_token')
    .requiredOption('--corp <id>', '企业 ID')
    .option('--secret <which>', 'contact | customer', 'contact')
    .action(
      run(async (ctx, o) => {
        const check = await ctx.call('corps.test', { corpId: o.corp, secret: o.secret as 'contact' | 'customer' });
        if (!check.ok) {
          printError(ctx.g, { code: check.errcode === null ? 'network' : 'wecom', message: check.message, ...(check.errcode !== null ? { errcode: check.errcode } : {}), ...(check.hint ? { hint: check.hint } : {}), details: { egressIp: check.egressIp } });
          throw new CliExit(EXIT.error);
        }
        if (ctx.g.json) printJson(check);
        else process.stdout.write(`${check.message}（${check.tookMs} ms）${check.egressIp ? `，出口IP ${check.egressIp}` : ''}\n`);
      }),
    );

  corp
    .command('remove')
    .description('删除企业（及其应用）')
    .requiredOption('--corp <id>', '企业 ID')
    .action(
      run(async (ctx, o) => {
        await ctx.call('corps.remove', { corpId: o.corp });
        if (ctx.g.json) printJson({ removed: o.corp });
        else process.stdout.write(`已删除企业 ${o.corp}\n`);
      }),
    );
}
