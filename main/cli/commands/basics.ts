import type { Command } from 'commander';
import type { Runner } from '../runner';
import { CliExit, EXIT, printJson } from '../output';

export function registerBasics(program: Command, run: Runner) {
  const ext = program.command('external-address').description('基础参数设置：云桥对外域名（F0.1）');

  ext
    .command('get')
    .description('查看云桥对外域名')
    .action(
      run(async (ctx) => {
        const b = await ctx.call('basics.get', {});
        if (ctx.g.json) return printJson(b);
        process.stdout.write(b.externalAddress ? `${b.externalAddress}\n` : '未配置云桥对外域名\n');
      }),
    );

  ext
    .command('set')
    .description('设置云桥对外域名（公网企业下的 IP/内网地址需要 --force）')
    .argument('<url>', '如 https://bridge.example.com 或 http://10.1.2.3:8088')
    .option('--force', '确认保存会导致部分功能不可用的地址')
    .action(
      run(async (ctx, o, args) => {
        const b = await ctx.call('basics.setAddress', { url: args[0], force: !!o.force });
        if (ctx.g.json) return printJson(b);
        process.stdout.write(`已保存：${b.externalAddress}\n`);
        if (b.assessment && b.assessment.level !== 'ok') process.stderr.write('注意：企业微信可能无法访问该地址（可信域名、免登、应用主页、扫码登录、回调）\n');
      }),
    );

  ext
    .command('clear')
    .description('清除云桥对外域名')
    .action(
      run(async (ctx) => {
        const b = await ctx.call('basics.setAddress', { url: null, force: false });
        if (ctx.g.json) return printJson(b);
        process.stdout.write('已清除\n');
      }),
    );

  program
    .command('diag')
    .description('网络诊断：DNS、TCP、TLS、gettoken、可信IP、入站 /healthz（F0.2）')
    .requiredOption('--corp <id>', '企业 ID')
    .action(
      run(async (ctx, o) => {
        const { jobId } = await ctx.call('diag.start', { corpId: o.corp });
        const core = await ctx.core();
        const job = await core.services.jobs.wait(jobId);
        if (!job || job.status !== 'succeeded') {
          const err = job?.error ?? { code: 'internal', message: '诊断未完成' };
          if (ctx.g.json) printJson({ error: err });
          else process.stderr.write(`错误：${err.message}\n`);
          throw new CliExit(EXIT.error);
        }
        const report = job.result as import('../../api/schemas').DiagReport;
        if (ctx.g.json) printJson(report);
        else {
          for (const s of report.steps) process.stdout.write(`${s.step.padEnd(9)} ${s.status.padEnd(7)} ${s.ms === null ? '' : `${s.ms}ms`.padEnd(7)} ${s.detail}\n`);
          process.stdout.write(`\n${report.verdictText}\n出站放行：${report.allowList.join(', ')}\n手动检查：\n${report.manualChecks.map((c) => `  ${c}`).join('\n')}\n`);
        }
        if (report.verdict !== 'ok') throw new CliExit(EXIT.error);
      }),
    );
}
