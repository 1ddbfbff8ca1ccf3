export { ApiError, isApiError, toApiError } from './errors';
export { clientOver, createClient, type ApiClient } from './client';
