import type { Command } from 'commander';
import { startHeadless } from '../../server';
import type { CliContext } from '../context';
import { printJson } from '../output';
import type { Opts, Runner } from '../runner';

export const DEFAULT_UI_PORT = 17890;
export const DEFAULT_CALLBACK_PORT = 8088;

function port(v: string | boolean | undefined, fallback: number): { port: number; isDefault: boolean } {
  if (v === undefined || typeof v === 'boolean') return { port: fallback, isDefault: true };
  return { port: Number(v), isDefault: false };
}

/** Runs until SIGTERM/SIGINT, then drains (jobs cancelled and recorded, servers closed) and exits 0. */
export async function serve(ctx: CliContext, o: Opts): Promise<void> {
  const ui = port(o.port, DEFAULT_UI_PORT);
  const cb = port(o.callbackPort, DEFAULT_CALLBACK_PORT);
  const served = await startHeadless({
    dataDir: ctx.dataDir,
    host: String(o.host ?? '127.0.0.1'),
    port: ui.port,
    portIsDefault: ui.isDefault,
    callbackHost: String(o.callbackHost ?? '127.0.0.1'),
    callbackPort: cb.port,
    callbackPortIsDefault: cb.isDefault,
    demo: !!o.demo,
  });
  const { admin, listener } = served;
  if (ctx.g.json) printJson({ ui: admin.uiUrl, port: admin.port, token: admin.token, callback: listener.url });
  else {
    const demo = served.core.services.demo.status();
    if (demo.corpId) process.stdout.write(`演示企业已就绪（内置企业微信模拟器 ${demo.simulatorUrl}）/ demo enterprise ready\n`);
    process.stdout.write(`WeCom Bridge 已启动 / started\n  打开 / open: ${admin.uiUrl}\n  回调监听 / callback listener: ${listener.url}\n  数据目录 / data: ${ctx.dataDir}\n按 Ctrl+C 停止 / Ctrl+C to stop\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await served.close();
}

function parsePort(v: string): string {
  if (!/^\d+$/.test(v) || Number(v) > 65535) throw new Error(`端口必须是 0–65535 的整数：${v}`);
  return v;
}

export function registerServe(program: Command, run: Runner) {
  program
    .command('serve')
    .description('无界面服务器：管理界面 + /rpc + /events，以及回调监听')
    .option('--host <host>', '管理界面监听地址', '127.0.0.1')
    .option('--port <n>', `管理界面端口（默认 ${DEFAULT_UI_PORT}，0 = 任意空闲端口）`, parsePort)
    .option('--callback-host <host>', '回调监听地址（私有化部署可填内网 IP 或 0.0.0.0）', '127.0.0.1')
    .option('--callback-port <n>', `回调监听端口（默认 ${DEFAULT_CALLBACK_PORT}）`, parsePort)
    .option('--demo', '尚未配置任何企业时，启动内置模拟器并创建「体验演示企业」')
    .action(run(serve));
}
