import { readFileSync } from 'node:fs';

/** `-` reads the secret from standard input, so it stays out of shell history and the process list. */
export function secretArg(v: string | undefined): string | undefined {
  if (v !== '-') return v;
  return readFileSync(0, 'utf8').trim();
}
