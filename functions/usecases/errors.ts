/**
 * Errors a use case reports, by kind; the HTTP layer maps kinds to statuses (forbidden → 403,
 * invalid → 422, conflict → 409 …) and the CLI prints the message.
 * flow: use case --> errors <-- handlers / CLI
 */
export type UseCaseErrorKind = 'forbidden' | 'not_found' | 'invalid' | 'conflict' | 'locked' | 'bad_request' | 'too_large' | 'unsupported' | 'rate_limited';

export class UseCaseError extends Error {
  override name = 'UseCaseError';
  constructor(
    readonly kind: UseCaseErrorKind,
    readonly code: string,
    message: string,
    readonly fields: { field: string; message: string }[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
