/**
 * HTTP vocabulary shared by every handler: the API Gateway HTTP API (payload v2) types, errors
 * that carry their status and a message a person can act on, and response builders.
 * flow: handler --> http
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Principal } from '../core/auth.ts';
import { attachmentDisposition } from '../core/report-files.ts';
import type { ErrorBody, FieldErrorBody } from './schemas/responses.ts';

export type HttpEvent = APIGatewayProxyEventV2 & { auth?: Principal };
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** A field a request got wrong: its path ("tasks.2.progress", "reporterName") and a Vietnamese message (schemas/responses.ts#FieldError). */
export type FieldError = FieldErrorBody;

/** An error with an HTTP status and a Vietnamese message for the person who made the request. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 423 | 429 | 503,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * A JSON response. Name the body's type from functions/api/schemas/responses.ts
 * (`json<SubmitResponse>(201, …)`) so that it must match what docs/openapi.yaml says of it.
 */
export function json<T = unknown>(status: number, body: T, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

export function html(status: number, body: string, headers: Record<string, string> = {}): HttpResult {
  return { statusCode: status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }, body };
}

/**
 * A file to download: the bytes base64-encoded (API Gateway and the local server decode them), a
 * Vietnamese file name the browser saves it under, and no caching (it holds the agency's data).
 */
export function download(bytes: Buffer, contentType: string, fileName: string): HttpResult {
  return {
    statusCode: 200,
    headers: { 'content-type': contentType, 'content-disposition': attachmentDisposition(fileName), 'cache-control': 'no-store' },
    body: bytes.toString('base64'),
    isBase64Encoded: true,
  };
}

/** The one error shape of docs/openapi.yaml (schemas/responses.ts#ErrorDetail), with an error's details (stale_revision's `current`, `yours`) beside. */
export function errorBody(err: ApiError): { error: ErrorBody['error'] & Record<string, unknown> } {
  return { error: { code: err.code, message: err.message, fields: err.fields, ...(err.details ?? {}) } };
}

/** Header lookup; API Gateway v2 lower-cases header names, the local server does too. */
export function header(event: HttpEvent, name: string): string | undefined {
  return event.headers?.[name.toLowerCase()];
}

export function query(event: HttpEvent, name: string): string | undefined {
  const v = event.queryStringParameters?.[name];
  return v === undefined || v === '' ? undefined : v;
}
