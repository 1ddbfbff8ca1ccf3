// Serves the built renderer (out/renderer) read-only; no directory listing, no path escapes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

export function createStaticFiles(root: string) {
  const base = resolve(root);
  const cache = new Map<string, StaticFile>();
  return {
    available: () => existsSync(join(base, 'index.html')),
    get(urlPath: string): StaticFile | null {
      let rel: string;
      try {
        rel = decodeURIComponent(urlPath.split('?')[0]);
      } catch {
        return null;
      }
      const file = normalize(join(base, rel === '/' ? 'index.html' : rel));
      if (!file.startsWith(base + sep)) return null;
      const hit = cache.get(file);
      if (hit) return hit;
      if (!existsSync(file) || !statSync(file).isFile()) return null;
      const f = { body: readFileSync(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
      cache.set(file, f);
      return f;
    },
  };
}
