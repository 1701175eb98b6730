/**
 * The response checker the contract tests rely on: it must pass a conforming response and catch
 * an undeclared status, a wrong content type, a missing or extra field, and a bad header value.
 * flow: vitest --> openapi helper (responseProblems, resolveRefs)
 */
import { describe, expect, it } from 'vitest';
import { assertResponseMatchesSpec, resolveRefs, responseProblems } from '../../support/openapi.ts';

const json = { 'content-type': 'application/json; charset=utf-8' };
const lock = (body: unknown, status = 200, headers: Record<string, string> = json) => ({ status, headers, body });
const error = (code: string, extra: Record<string, unknown> = {}) => ({ error: { code, message: 'Thông báo.', fields: [], ...extra } });

describe('responseProblems', () => {
  it('passes a response that matches its declared status and schema', () => {
    expect(responseProblems('POST', '/api/periods/2024-11/lock', lock({ period: '2024-11', locked: true, reason: 'Đã ban hành' }))).toEqual([]);
    expect(responseProblems('POST', '/api/periods/2024-11/lock', lock(error('forbidden'), 403))).toEqual([]);
    expect(() =>
      assertResponseMatchesSpec('POST', '/api/periods/2024-11/lock', lock({ period: '2024-11', locked: true, reason: 'Đã ban hành' })),
    ).not.toThrow();
  });

  it('fails a status the operation does not declare', () => {
    const problems = responseProblems('POST', '/api/periods/2024-11/lock', lock(error('stale_revision'), 409));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/status 409 is not declared/);
    expect(() => assertResponseMatchesSpec('POST', '/api/periods/2024-11/lock', lock({}, 418))).toThrow(/not declared/);
  });

  it('fails a path or method the document does not have', () => {
    expect(responseProblems('DELETE', '/api/periods/2024-11/lock', lock({}))[0]).toMatch(/no operation/);
  });

  it('fails missing, extra and mistyped fields', () => {
    expect(responseProblems('POST', '/api/periods/2024-11/lock', lock({ period: '2024-11' })).join()).toMatch(/locked/);
    expect(responseProblems('POST', '/api/periods/2024-11/lock', lock({ period: '2024-11', locked: true, by: 'x' })).join()).toMatch(/additional/);
    expect(responseProblems('POST', '/api/periods/2024-11/lock', lock({ period: '2024-11', locked: 'yes' })).join()).toMatch(/boolean/);
    expect(responseProblems('POST', '/api/periods/2024-11/lock', lock({ period: '2024/11', locked: true })).join()).toMatch(/pattern/);
  });

  it('fails an error code not listed for the status, and error details where none are documented', () => {
    expect(responseProblems('GET', '/api/status', lock(error('csrf'), 401)).join()).toMatch(/401/);
    expect(responseProblems('GET', '/api/status', lock(error('forbidden', { current: null }), 403)).join()).toMatch(/additional/);
    expect(responseProblems('GET', '/api/status', lock({ message: 'Unauthorized' }, 401))).toEqual([]);
  });

  it('fails a content type the response does not declare', () => {
    expect(responseProblems('GET', '/health', lock('<html></html>', 200, { 'content-type': 'text/html' }))[0]).toMatch(/content type "text\/html"/);
    expect(responseProblems('GET', '/signin', lock('<html></html>', 200, { 'content-type': 'text/html; charset=utf-8' }))).toEqual([]);
  });

  it('checks the values of declared headers', () => {
    const body = { submission: {}, revision: {} };
    const problems = responseProblems('POST', '/api/submissions', lock(body, 200, { ...json, 'Idempotent-Replayed': 'yes' }));
    expect(problems.some((p) => /header Idempotent-Replayed/.test(p))).toBe(true);
  });
});

describe('resolveRefs', () => {
  it('inlines local references, keeping sibling keywords through allOf', () => {
    const doc = { a: { $ref: '#/defs/x' }, b: { $ref: '#/defs/x', description: 'Mô tả' }, defs: { x: { type: 'string' } } };
    const r = resolveRefs(doc);
    expect(r.a).toEqual({ type: 'string' });
    expect(r.b).toEqual({ description: 'Mô tả', allOf: [{ type: 'string' }] });
  });

  it('refuses unresolvable and non-local references', () => {
    expect(() => resolveRefs({ a: { $ref: '#/nope' } })).toThrow(/Unresolvable/);
    expect(() => resolveRefs({ a: { $ref: 'other.yaml#/x' } })).toThrow(/local/);
  });
});
