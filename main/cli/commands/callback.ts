// Callback commands (shared/CLI.md): `app callback`, `corp callback`, `corp customer-callback` (they exist to
// show their Token and EncodingAESKey) and `reply-rule add|list|remove`. Bad flag combinations exit 2.
import { Option, type Command } from 'commander';
import type { CallbackKind } from '../../api/callback-contract';
import type { CliContext } from '../context';
import { CliExit, EXIT, printError, printJson, printTable } from '../output';
import type { Opts, Runner } from '../runner';

function usage(ctx: CliContext, message: string): never {
  printError(ctx.g, { code: 'usage', message });
  throw new CliExit(EXIT.usage);
}

/** The parent command (`app`, `corp`), created by its own module; made here only if it is missing. */
const parent = (program: Command, name: string, description: string) => program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);

async function showOrSet(ctx: CliContext, kind: CallbackKind, id: string, o: Opts): Promise<void> {
  const change = o.token !== undefined || o.aesKey !== undefined || !!o.regenerate || o.replies !== undefined;
  const v = change
    ? await ctx.call('callbacks.set', {
        kind,
        id,
        token: typeof o.token === 'string' ? o.token : undefined,
        encodingAESKey: typeof o.aesKey === 'string' ? o.aesKey : undefined,
        regenerate: !!o.regenerate,
        replies: o.replies === undefined ? undefined : o.replies === 'on',
      })
    : await ctx.call('callbacks.get', { kind, id });
  const out = { url: v.url, token: v.token, encodingAESKey: v.encodingAESKey, ...(kind === 'app' ? { replies: v.replies === true } : {}) };
  if (ctx.g.json) return printJson(out);
  const lines = [`URL: ${v.url}${v.local ? '  （本机地址，企业微信无法访问：请在【基础参数设置】配置云桥对外域名）' : ''}`, `Token: ${v.token}`, `EncodingAESKey: ${v.encodingAESKey}`];
  if (kind === 'app') lines.push(`是否开启应用回调: ${v.replies ? '开启' : '关闭'}`);
  lines.push(v.verifiedAt ? `URL 已验证（${v.verifiedAt}）` : 'URL 未验证');
  process.stdout.write(`${lines.join('\n')}\n`);
}

const secretFlags = (cmd: Command) =>
  cmd
    .option('--token <token>', 'Token（1–32 位英文字母或数字）')
    .option('--aes-key <key>', 'EncodingAESKey（43 位英文字母或数字）')
    .option('--regenerate', '重新随机生成 Token 和 EncodingAESKey（未指定的那个）');

export function registerCallback(program: Command, run: Runner) {
  const app = parent(program, 'app', '应用集成：应用（AgentID + Secret）');
  secretFlags(app.command('callback').description('应用【接收消息】回调参数 → {"url","token","encodingAESKey","replies"}').requiredOption('--app <id>', '应用 ID'))
    .addOption(new Option('--replies <on|off>', '【是否开启应用回调】（自动回复）').choices(['on', 'off']))
    .action(run((ctx, o) => showOrSet(ctx, 'app', o.app, o)));

  const corp = parent(program, 'corp', '企业微信集成：企业（corp）');
  secretFlags(corp.command('callback').description('通讯录同步回调参数 → {"url","token","encodingAESKey"}').requiredOption('--corp <id>', '企业 ID')).action(
    run((ctx, o) => showOrSet(ctx, 'contacts', o.corp, o)),
  );
  secretFlags(corp.command('customer-callback').description('客户联系回调参数 → {"url","token","encodingAESKey"}').requiredOption('--corp <id>', '企业 ID')).action(
    run((ctx, o) => showOrSet(ctx, 'customer', o.corp, o)),
  );

  const rule = program.command('reply-rule').description('【回调设置】自动回复规则');
  rule
    .command('add')
    .description('添加规则 → {"id": …}')
    .requiredOption('--app <id>', '应用 ID')
    .requiredOption('--name <name>', '规则名称')
    .addOption(new Option('--action <action>', '用户动作：text 发送文字 | image 发送图片').choices(['text', 'image']).default('text'))
    .addOption(new Option('--match <mode>', '匹配方式：contains 包含 | prefix 开头 | suffix 结束 | exact 完全匹配 | any 直接托管').choices(['contains', 'prefix', 'suffix', 'exact', 'any']))
    .option('--keyword <keyword>', '关键字（1–50 个字符；直接托管不需要）')
    .requiredOption('--reply <text>', '回复内容（1–1500 个字符）')
    .option('--priority <n>', '优先级 1–100，数字越小越优先')
    .option('--disabled', '先不启用')
    .action(
      run(async (ctx, o) => {
        const action = o.action as 'text' | 'image';
        const match = o.match as 'contains' | 'prefix' | 'suffix' | 'exact' | 'any' | undefined;
        if (action === 'image' && (match !== undefined || o.keyword !== undefined)) usage(ctx, '--action image 的规则回复任何图片，不能使用 --match 或 --keyword');
        if (action === 'text' && match === undefined) usage(ctx, '--action text 需要 --match contains|prefix|suffix|exact|any');
        if (match === 'any' && o.keyword !== undefined) usage(ctx, '--match any（直接托管）不能使用 --keyword');
        if (match !== undefined && match !== 'any' && o.keyword === undefined) usage(ctx, `--match ${match} 需要 --keyword`);
        const r = await ctx.call('replyRules.add', {
          appId: o.app,
          name: o.name,
          action,
          match: match ?? null,
          keyword: o.keyword ?? null,
          reply: o.reply,
          priority: o.priority === undefined ? undefined : Number(o.priority),
          enabled: !o.disabled,
        });
        if (ctx.g.json) printJson({ id: r.id });
        else process.stdout.write(`已添加规则「${r.name}」 id: ${r.id}\n`);
      }),
    );

  rule
    .command('list')
    .description('列出应用的规则（按优先级）')
    .requiredOption('--app <id>', '应用 ID')
    .action(
      run(async (ctx, o) => {
        const list = await ctx.call('replyRules.list', { appId: o.app });
        if (ctx.g.json) return printJson(list);
        printTable(
          list.map((r) => ({ ...r, on: r.enabled ? '启用' : '停用', kw: r.keyword ?? '' })),
          [['id', 'ID'], ['name', '规则名称'], ['action', '用户动作'], ['match', '匹配方式'], ['kw', '关键字'], ['priority', '优先级'], ['on', '启用']],
        );
      }),
    );

  rule
    .command('remove')
    .description('删除规则：--id ID，或 --app ID --all 删除该应用的全部规则')
    .option('--id <id>', '规则 ID')
    .option('--app <id>', '应用 ID（与 --all 一起）')
    .option('--all', '删除该应用的全部规则')
    .action(
      run(async (ctx, o) => {
        const byId = o.id !== undefined && o.app === undefined && !o.all;
        const byApp = o.id === undefined && o.app !== undefined && !!o.all;
        if (!byId && !byApp) usage(ctx, '请使用 --id ID，或 --app ID --all');
        const r = byId ? await ctx.call('replyRules.remove', { ids: [o.id] }) : await ctx.call('replyRules.removeAll', { appId: o.app });
        if (ctx.g.json) printJson(r);
        else process.stdout.write(`已删除 ${r.removed} 条规则\n`);
      }),
    );
}
