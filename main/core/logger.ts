// The main log: pino to <dataDir>/logs/wecom-bridge.log. Secret-looking keys are censored by path, and
// messages pass through `redact` for known secret values.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';

export type Logger = pino.Logger;

const SECRET_KEYS = ['secret', 'corpsecret', 'contactSecret', 'customerSecret', 'access_token', 'token', 'password', 'encodingAESKey', 'authorization'];

export function createLogger(dataDir: string | null, level = process.env.WECOM_BRIDGE_LOG_LEVEL ?? 'info'): Logger {
  const redact = { paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]), censor: '***' };
  if (!dataDir) return pino({ level, redact }, pino.destination(2));
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return pino({ level, redact }, pino.destination({ dest: join(dir, 'wecom-bridge.log'), sync: true, mode: 0o600 }));
}

/** Masks access tokens and secrets that may sit in a URL's query string. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:access_token|corpsecret|secret|token)=)[^&#]*/gi, '$1***');
}
