import type { Command } from 'commander';
import { parseSeed, startSimulator, syntheticOaDirectory, writeOaWorkbook } from '../../simulator';
import { CliExit, EXIT, printError, printJson } from '../output';
import type { Runner } from '../runner';

export function registerSimulator(program: Command, run: Runner) {
  program
    .command('simulator')
    .description('内置企业微信模拟器（真实 HTTP，在回环地址上），用于演示和测试；运行直到被终止')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--port <n>', '端口（0 = 任意空闲端口）', '0')
    .option('--seed <seed>', 'demo | empty | synthetic:N', 'demo')
    .option('--state <file>', '状态文件：存在则加载，退出时保存')
    .option('--callback-url <url>', '通讯录变更回调地址')
    .action(
      run(async (ctx, o) => {
        const seed = parseSeed(String(o.seed));
        if (!seed) {
          printError(ctx.g, { code: 'usage', message: `--seed 只能是 demo、empty 或 synthetic:N，收到 ${o.seed}` });
          throw new CliExit(EXIT.usage);
        }
        const sim = await startSimulator({ host: String(o.host), port: Number(o.port), seed, statePath: o.state || undefined, callbackUrl: o.callbackUrl || null });
        const line = { url: sim.url, corpid: sim.corpid, contactSecret: sim.contactSecret, customerSecret: sim.customerSecret, apps: sim.apps.map((a) => ({ name: a.name, agentid: a.agentid, secret: a.secret })) };
        if (ctx.g.json) printJson(line);
        else process.stdout.write(`企业微信模拟器已启动：${sim.url}\nCorpID ${sim.corpid}\n通讯录密钥 ${sim.contactSecret}\n${sim.apps.map((a) => `应用 ${a.name} AgentID ${a.agentid} Secret ${a.secret}`).join('\n')}\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGTERM', resolve);
          process.once('SIGINT', resolve);
        });
        if (o.state) await sim.save();
        await sim.close();
      }),
    );

  program
    .command('demo-data')
    .description('生成合成 OA 组织架构工作簿（synthetic:N 的 OA 孪生数据）')
    .requiredOption('--users <n>', '人数')
    .requiredOption('--out <file>', '输出 .xlsx')
    .option('--diff <pct>', '与企业微信不同的人员比例（%）', '2')
    .action(
      run(async (ctx, o) => {
        const n = Number(o.users);
        const diff = Number(o.diff);
        if (!Number.isInteger(n) || n < 1 || n > 1_000_000 || !(diff >= 0 && diff <= 100)) {
          printError(ctx.g, { code: 'usage', message: '--users 为 1–1000000 的整数，--diff 为 0–100' });
          throw new CliExit(EXIT.usage);
        }
        const dir = syntheticOaDirectory(n, diff);
        writeOaWorkbook(dir, o.out);
        if (ctx.g.json) printJson({ out: o.out, departments: dir.departments.length, users: dir.users.length });
        else process.stdout.write(`已写入 ${o.out}：部门 ${dir.departments.length}，人员 ${dir.users.length}\n`);
      }),
    );
}
