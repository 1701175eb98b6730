/**
 * Turns every failure into a response: ApiError → its status; invalid input from the schema →
 * 400/422 with the fields; a storage backend that cannot be reached → 503 (retry later); anything
 * else → 500 with a request id to quote, and the details in the log only.
 * flow: middy --> errors middleware --> handler
 */
import type middy from '@middy/core';
import * as z from 'zod';
import { PeriodError } from '../../core/period.ts';
import { ApiError, errorBody, json, type HttpEvent, type HttpResult } from '../http.ts';
import { log } from '../../adapters/log.ts';
import type { Error500Body } from '../schemas/responses.ts';
import { fieldErrorsFromZod } from '../validation.ts';
import { UseCaseError } from '../../usecases/errors.ts';
import { NoProfileError } from '../../usecases/agency-service.ts';

const STATUS_OF_KIND = {
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  conflict: 409,
  locked: 409,
  bad_request: 400,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
} as const;

const UNAVAILABLE = new Set([
  'KeysUnavailableError',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'TimeoutError',
  'ServiceUnavailable',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'SlowDown',
]);

function isUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const any = e as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown; errors?: unknown[] };
    if ((any.name && UNAVAILABLE.has(any.name)) || (any.code && UNAVAILABLE.has(any.code))) return true;
    if (any.$metadata?.httpStatusCode && any.$metadata.httpStatusCode >= 500) return true;
    if (Array.isArray(any.errors) && any.errors.some(isUnavailable)) return true;
    e = any.cause;
  }
  return false;
}

export function toApiError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (err instanceof UseCaseError) return new ApiError(STATUS_OF_KIND[err.kind], err.code, err.message, err.fields, err.details);
  if (err instanceof NoProfileError) return new ApiError(404, 'no_agency_profile', err.message);
  if (err instanceof z.ZodError) {
    return new ApiError(422, 'invalid_input', 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.', fieldErrorsFromZod(err));
  }
  // Another write of the year's plan finished first (adapters/dynamo/plan-store.ts), by name: handlers do not import adapters' errors here.
  if (err instanceof Error && err.name === 'PlanConflictError')
    return new ApiError(409, 'plan_conflict', 'Kế hoạch vừa được người khác thay đổi; tải lại trang rồi làm lại.');
  if (err instanceof PeriodError) return new ApiError(400, 'invalid_period', err.message, [{ field: 'period', message: err.message }]);
  if (isUnavailable(err)) {
    return new ApiError(503, 'unavailable', 'Hệ thống lưu trữ tạm thời không phản hồi. Dữ liệu chưa được ghi; vui lòng thử lại sau ít phút.');
  }
  return undefined;
}

export function errorMiddleware(): middy.MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: async (request) => {
      const api = toApiError(request.error);
      if (api) {
        if (api.status >= 500) log.warn('backend unavailable', { error: String(request.error), requestId: request.context.awsRequestId });
        request.response = json(api.status, errorBody(api), api.status === 503 ? { 'retry-after': '5' } : {});
        return;
      }
      const requestId = request.context.awsRequestId;
      log.error('unhandled error', {
        requestId,
        error: request.error instanceof Error ? (request.error.stack ?? request.error.message) : String(request.error),
      });
      request.response = json<Error500Body>(500, {
        error: { code: 'internal', message: `Lỗi hệ thống. Vui lòng thử lại hoặc báo cho quản trị viên mã lỗi ${requestId}.`, fields: [] },
      });
    },
  };
}
