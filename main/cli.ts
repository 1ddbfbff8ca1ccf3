// `wecom-bridge` — the command-line shell (contract: shared/CLI.md). Calls the core directly.
import { Command, CommanderError } from 'commander';
import { VERSION } from './core/create-core';
import { registerApp } from './cli/commands/app';
import { registerBasics } from './cli/commands/basics';
import { registerCorp } from './cli/commands/corp';
import { registerCallback } from './cli/commands/callback';
import { registerOa } from './cli/commands/oa';
import { registerSync } from './cli/commands/sync';
import { registerSimulator } from './cli/commands/simulator';
import { registerServe } from './cli/commands/serve';
import { createContext } from './cli/context';
import { extractGlobals, UsageError, type Globals } from './cli/globals';
import { CliExit, EXIT, printError } from './cli/output';
import { commandOf, type Action, type Opts } from './cli/runner';

function buildProgram(g: Globals, exit: { code: number }): Command {
  const program = new Command('wecom-bridge')
    .description('WeCom Bridge 云桥 · 企业微信集成 — 命令行')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride()
    .addHelpText('after', '\n全局选项（可放在命令前或后）:\n  --data-dir DIR        数据目录（默认与桌面应用相同）\n  --json                机器可读输出：stdout 上一个 JSON 文档\n  --lang zh-CN|en-US    语言\n');

  const run = (fn: Action) => async (...a: unknown[]) => {
    const cmd = commandOf(a);
    const ctx = createContext(g);
    try {
      await fn(ctx, cmd.opts() as Opts & Record<string, string>, cmd.args);
    } catch (e) {
      if (e instanceof CliExit) exit.code = e.exitCode;
      else {
        const err = e as { code?: string; message?: string };
        printError(g, { code: typeof err.code === 'string' ? err.code : 'internal', message: err.message ?? String(e) });
        exit.code = EXIT.error;
      }
    } finally {
      await ctx.close();
    }
  };

  registerServe(program, run);
  registerCorp(program, run);
  registerApp(program, run);
  registerCallback(program, run);
  registerBasics(program, run);
  registerOa(program, run);
  registerSync(program, run);
  registerSimulator(program, run);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let g: Globals;
  let rest: string[];
  try {
    ({ globals: g, rest } = extractGlobals(argv.slice(2)));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return EXIT.usage;
  }
  const exit = { code: EXIT.ok };
  const program = buildProgram(g, exit);
  program.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => (g.json ? printError(g, { code: 'usage', message: s.replace(/^error: /, '').trim() }) : write(s)),
  });
  try {
    if (!rest.length) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync(rest, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError) return EXIT.usage;
    throw e;
  }
  return exit.code;
}
