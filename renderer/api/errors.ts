import type { ApiErrorShape } from '../../main/api/contract';

/** Codes the renderer's own transports produce (the server's codes come through unchanged). */
export type TransportErrorCode = 'unauthorized' | 'network' | 'bad_response';

/** The one error type screens see: a failed Result, rethrown with its stable code. */
export class ApiError extends Error {
  readonly code: string;
  readonly errcode?: number;
  readonly hint?: string;
  readonly details?: unknown;

  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.errcode = shape.errcode;
    this.hint = shape.hint;
    this.details = shape.details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Anything thrown becomes an ApiError, so stores keep one error type. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError({ code: 'internal', message });
}
