// Turns the outcome of a credential check into what the admin sees (WeComCheck).
import type { WeComCheck } from '../api/schemas';
import { explainErrcode } from '../wecom/errcodes';
import { WeComError, WeComNetworkError } from '../wecom/wecom-error';

export function checkFromError(e: unknown, tookMs: number): WeComCheck {
  if (e instanceof WeComError) {
    const x = explainErrcode(e.errcode, { lang: 'zh-CN', secretKind: e.secretKind, errmsg: e.errmsg });
    return { ok: false, errcode: e.errcode, message: x.message, hint: x.action, egressIp: e.callerIp, tookMs };
  }
  if (e instanceof WeComNetworkError) {
    return { ok: false, errcode: null, message: e.message, hint: '在【基础参数设置】中运行网络诊断', egressIp: null, tookMs };
  }
  throw e;
}
