/**
 * How much room a report's content takes once stored, and how much it may take. Each stored
 * content sits in an item of its own (the head, the draft, each revision — docs/data-model.md) and
 * DynamoDB refuses an item over 400 KB with an error no person can act on. A request body is
 * limited to 256 KB, but what is stored can be larger than what was sent (defaults filled in,
 * characters that NFC writes as several), so the content itself is measured before anything is
 * written, and refused with a message when it would not fit.
 * flow: submissions use case --> stored size (pure)
 */
import type { SubmissionData } from './submission.ts';

/** DynamoDB's item limit is 400 KB (409,600 bytes); the rest is left for keys and bookkeeping. */
export const MAX_STORED_CONTENT_BYTES = 384 * 1024;

/**
 * Bytes of the content as UTF-8 JSON: an upper bound of DynamoDB's own count for the same value
 * (which counts names and UTF-8 strings but no quotes, commas or braces), give or take a byte per
 * list.
 */
export function storedSize(data: SubmissionData): number {
  return new TextEncoder().encode(JSON.stringify(data)).byteLength;
}
