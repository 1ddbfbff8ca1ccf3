import type { ApiError } from '../api';
import type { T } from '../i18n';

const transportCodes = new Set(['unauthorized', 'network', 'bad_response']);

/** Text for an API error: our own transport failures are translated, server messages shown as sent. */
export function errorText(err: Pick<ApiError, 'code' | 'message' | 'hint'>, t: T): string {
  if (transportCodes.has(err.code)) return t(`error.${err.code}` as 'error.network');
  return err.hint ? `${err.message} — ${err.hint}` : err.message;
}
