import { SimError } from '../../main/simulator/errors';

/** The WeCom errcode a simulator rule throws, or null when it accepts. */
export function errcode(fn: () => unknown): number | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof SimError) return e.errcode;
    throw e;
  }
}
