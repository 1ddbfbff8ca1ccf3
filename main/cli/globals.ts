// Global options may stand before or after the command (npx takes flags before the command itself), so
// they are lifted out of argv before commander sees the rest.
export interface Globals {
  dataDir: string | null;
  json: boolean;
  lang: 'zh-CN' | 'en-US';
}

export class UsageError extends Error {}

export function extractGlobals(argv: string[]): { globals: Globals; rest: string[] } {
  const globals: Globals = { dataDir: null, json: false, lang: 'zh-CN' };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} 需要一个值`);
      return v;
    };
    if (flag === '--json') globals.json = true;
    else if (flag === '--data-dir') globals.dataDir = value();
    else if (flag === '--lang') {
      const v = value();
      if (v !== 'zh-CN' && v !== 'en-US') throw new UsageError('--lang 只能是 zh-CN 或 en-US');
      globals.lang = v;
    } else rest.push(a);
  }
  return { globals, rest };
}
