import type { Command } from 'commander';
import type { CliContext } from './context';

export type Opts = Record<string, string | boolean | undefined>;
export type Action = (ctx: CliContext, opts: Opts & Record<string, string>, args: string[]) => Promise<void>;
/** Wraps a command body: the shell opens the core once, runs it, maps errors to exit codes, closes. */
export type Runner = (fn: Action) => (...a: unknown[]) => Promise<void>;

export function commandOf(actionArgs: unknown[]): Command {
  return actionArgs[actionArgs.length - 1] as Command;
}
