// Validate at dispatch: zod-parse the input first (and the output in dev/tests), errors become values.
import { ZodError } from 'zod';
import { contract, isMethod, type ApiErrorShape, type Method, type Result } from './contract';
import { ApiError } from '../core/api-error';
import { SecretUnavailableError } from '../core/secret-box';
import { WeComError, WeComNetworkError } from '../wecom/wecom-error';
import type { Logger } from '../core/logger';

type AnyHandlers = Record<Method, (input: never) => unknown>;

export function toApiError(e: unknown, log?: Logger): ApiErrorShape {
  if (e instanceof ApiError) return { code: e.code, message: e.message, ...e.extra };
  if (e instanceof WeComError) {
    const x = e.explain('zh-CN');
    return { code: 'wecom', message: x.message, errcode: e.errcode, hint: x.action };
  }
  if (e instanceof WeComNetworkError) return { code: 'network', message: e.message, hint: '在【基础参数设置】中运行网络诊断' };
  if (e instanceof SecretUnavailableError) return { code: e.code, message: e.message };
  if (e instanceof ZodError) {
    return {
      code: 'invalid_input',
      message: e.issues[0]?.message ?? '输入无效',
      details: e.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  const code = (e as { code?: unknown })?.code;
  if (code === 'cancelled') return { code: 'cancelled', message: '任务已取消' };
  log?.error({ err: e }, 'internal error');
  return { code: 'internal', message: '内部错误（详情见日志）' };
}

export function createDispatch(handlers: AnyHandlers, opts: { validateOutput: boolean; log?: Logger }) {
  return async function dispatch(method: string, input: unknown): Promise<Result<unknown>> {
    if (!isMethod(method)) return { ok: false, error: { code: 'unknown_method', message: `未知方法 ${method}` } };
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: toApiError(parsed.error) };
    try {
      const value = await (handlers[method] as (i: unknown) => unknown)(parsed.data);
      if (opts.validateOutput) {
        const out = spec.output.safeParse(value);
        if (!out.success) {
          opts.log?.error({ method, issues: out.error.issues }, 'handler output violates the contract');
          return { ok: false, error: { code: 'internal', message: `内部错误：${method} 的返回不符合接口定义` } };
        }
        return { ok: true, value: out.data };
      }
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toApiError(e, opts.log) };
    }
  };
}
