import type { ApiErrorShape } from '../api/contract';

/** An expected failure with a stable code; crosses the API boundary as a value. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extra: Omit<ApiErrorShape, 'code' | 'message'> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError('not_found', `${what}不存在`);
