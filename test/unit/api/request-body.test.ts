// The one place request bodies are decoded and typed (functions/api/validation.ts), as the local
// server (bytes, base64) and API Gateway (bytes, or a string it decoded) hand them over.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { HttpEvent } from '../../../functions/api/http.ts';
import { ApiError } from '../../../functions/api/http.ts';
import { parseJsonBody } from '../../../functions/api/validation.ts';

const schema = z.strictObject({ name: z.string() });

function event(body: Buffer | string, contentType = 'application/json'): HttpEvent {
  const bytes = typeof body !== 'string';
  return {
    headers: { 'content-type': contentType },
    body: bytes ? body.toString('base64') : body,
    isBase64Encoded: bytes,
  } as unknown as HttpEvent;
}

function refusal(e: HttpEvent): { status: number; code: string } | 'accepted' {
  try {
    parseJsonBody(e, schema);
    return 'accepted';
  } catch (err) {
    if (err instanceof ApiError) return { status: err.status, code: err.code };
    throw err;
  }
}

/** `{"name":"Nga<bytes>"}`: valid JSON around bytes that are not UTF-8. */
const inJson = (...bytes: number[]) => Buffer.concat([Buffer.from('{"name":"Nga'), Buffer.from(bytes), Buffer.from('"}')]);

describe('request body decoding', () => {
  it('decodes UTF-8 bytes, Vietnamese and emoji included', () => {
    expect(parseJsonBody(event(Buffer.from('{"name":"Nguyễn Thị Nga 👍"}')), schema)).toEqual({ name: 'Nguyễn Thị Nga 👍' });
  });

  it('refuses every byte sequence that is not UTF-8, inside an otherwise valid JSON string, with 400 invalid_encoding', () => {
    const cases: [string, number[]][] = [
      ['0xFF', [0xff]],
      ['0xFE 0xFF', [0xfe, 0xff]],
      ['lone continuation byte', [0x80]],
      ['overlong "/"', [0xc0, 0xaf]],
      ['overlong NUL', [0xe0, 0x80, 0x80]],
      ['UTF-8-encoded surrogate (CESU)', [0xed, 0xa0, 0x80]],
      ['truncated 3-byte sequence', [0xe1, 0xbb]],
      ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
      ['5-byte form', [0xf8, 0x88, 0x80, 0x80, 0x80]],
      ['Latin-1 "ễ" as one byte', [0xea]],
    ];
    for (const [name, bytes] of cases) expect(refusal(event(inJson(...bytes))), name).toEqual({ status: 400, code: 'invalid_encoding' });
  });

  it('refuses a body the gateway already decoded with a replacement character in it', () => {
    expect(refusal(event('{"name":"Nga\uFFFD"}'))).toEqual({ status: 400, code: 'invalid_encoding' });
    expect(parseJsonBody(event('{"name":"Nga"}'), schema)).toEqual({ name: 'Nga' });
  });
});

describe('request content type', () => {
  it('takes application/json, with charset=utf-8 at most', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8', 'application/json; charset="utf-8"']) {
      expect(refusal(event(Buffer.from('{"name":"x"}'), type)), type).toBe('accepted');
    }
  });

  it('answers 415 to anything else, near misses included', () => {
    const types = [
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/json, text/plain',
      'application/json; charset=iso-8859-1',
      'application/json; charset=utf-16',
      'application/json; charset=utf-8; boundary=x',
      'application/json; foo=bar',
      'application/jsonx',
      'application/json;',
      'text/json',
      'text/plain',
      '',
    ];
    for (const type of types) expect(refusal(event(Buffer.from('{"name":"x"}'), type)), type).toEqual({ status: 415, code: 'unsupported_media_type' });
  });
});
