/**
 * docs/openapi.yaml is a valid OpenAPI 3.1 document whose schemas compile and whose examples
 * match their own schemas, and every operation says who may call it and how it can fail.
 * flow: vitest --> openapi helper --> docs/openapi.yaml
 */
import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ROLES } from '../../../functions/core/auth.ts';
import { formatErrors, loadOpenApi, resolvedOpenApi, resolveRefs, specOperations, validatorFor } from '../../support/openapi.ts';

type Json = any;

/** Whether callers must sign in: some requirement, and no empty (anonymous) one. */
function requiresSignIn(operation: Json, doc: Json): boolean {
  const security: Json[] = operation.security ?? doc.security;
  return security.length > 0 && !security.some((s) => Object.keys(s).length === 0);
}

/** Every example in the document with the schema it illustrates. */
function examplesWithSchemas(doc: Json): { where: string; schema: Json; value: Json }[] {
  const out: { where: string; schema: Json; value: Json }[] = [];
  const visit = (node: Json, where: string) => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        visit(n, `${where}/${i}`);
      });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    // Media type objects and parameters: `example` / `examples: { name: { value } }` beside `schema`.
    if (node.schema !== undefined) {
      if (node.example !== undefined) out.push({ where: `${where}/example`, schema: node.schema, value: node.example });
      if (node.examples && !Array.isArray(node.examples)) {
        for (const [name, ex] of Object.entries<Json>(node.examples)) out.push({ where: `${where}/examples/${name}`, schema: node.schema, value: ex.value });
      }
    }
    // Schema objects: JSON Schema's `examples: [ … ]`.
    if (Array.isArray(node.examples) && (node.type !== undefined || node.pattern !== undefined)) {
      node.examples.forEach((value: Json, i: number) => {
        out.push({ where: `${where}/examples/${i}`, schema: node, value });
      });
    }
    for (const [k, v] of Object.entries(node)) visit(v, `${where}/${k}`);
  };
  visit(doc, '#');
  return out;
}

describe('docs/openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(loadOpenApi()));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(loadOpenApi().openapi).toMatch(/^3\.1\.\d+$/);
  });

  it('has only local $refs that resolve, without cycles', () => {
    const resolved = JSON.stringify(resolvedOpenApi());
    expect(resolved).not.toContain('"$ref"');
    expect(() => resolveRefs({ a: { $ref: '#/b' }, b: { $ref: '#/a' } })).toThrow(/Circular/);
  });

  it('compiles every component schema with ajv in strict mode', () => {
    const schemas = resolvedOpenApi().components.schemas as Record<string, Json>;
    expect(Object.keys(schemas).length).toBeGreaterThan(40);
    for (const [name, schema] of Object.entries(schemas)) {
      expect(() => validatorFor(schema), name).not.toThrow();
    }
  });

  it('has examples that match their own schemas', () => {
    const examples = examplesWithSchemas(resolvedOpenApi());
    expect(examples.length).toBeGreaterThan(20);
    for (const ex of examples) {
      const v = validatorFor(ex.schema);
      expect({ where: ex.where, errors: v(ex.value) ? [] : formatErrors(v.errors) }).toEqual({ where: ex.where, errors: [] });
    }
  });

  it('gives every operation a unique id, a Vietnamese summary, known tags and its roles', () => {
    const doc = resolvedOpenApi();
    const tags = new Set((doc.tags as { name: string }[]).map((t) => t.name));
    const ids = new Set<string>();
    for (const { method, path, operation } of specOperations()) {
      const at = `${method} ${path}`;
      expect(operation.operationId, at).toMatch(/^[a-z][A-Za-z]+$/);
      expect(ids.has(operation.operationId), `${at} duplicate operationId`).toBe(false);
      ids.add(operation.operationId);
      expect(operation.summary, at).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýạ-ỹ]/i);
      for (const t of operation.tags) expect(tags.has(t), `${at} tag ${t}`).toBe(true);
      if (requiresSignIn(operation, doc)) {
        expect(operation['x-roles'], at).toBeInstanceOf(Array);
        for (const r of operation['x-roles']) expect(ROLES, at).toContain(r);
      }
    }
  });

  it('declares the errors each kind of operation can return', () => {
    const doc = resolvedOpenApi();
    for (const { method, path, operation } of specOperations()) {
      const at = `${method} ${path}`;
      const statuses = Object.keys(operation.responses);
      const json = Object.values<Json>(operation.responses).some((r) => r.content?.['application/json']);
      if (!json) continue;
      expect(statuses, at).toContain('500');
      const secured = requiresSignIn(operation, doc);
      if (secured) expect(statuses, `${at} 401`).toContain('401');
      if (secured) expect(statuses, `${at} 503`).toContain('503');
      if (secured && operation['x-roles'].length < ROLES.length) expect(statuses, `${at} 403`).toContain('403');
      if (operation.requestBody) {
        for (const s of ['400', '413', '415', '422']) expect(statuses, `${at} ${s}`).toContain(s);
      }
      if (operation.parameters.some((p: Json) => p.in === 'path')) expect(statuses, `${at} 404`).toContain('404');
      // Error bodies follow the one shape: { error: { code, message, fields } }.
      for (const [status, r] of Object.entries<Json>(operation.responses)) {
        if (Number(status) < 400 || !r.content?.['application/json']) continue;
        const v = validatorFor(r.content['application/json'].schema);
        expect(v({ error: { code: 'x_unknown_code', message: 'Lỗi.', fields: [] } }), `${at} ${status} accepts an unknown code`).toBe(false);
      }
    }
  });

  it('documents the 409 stale_revision body with current and yours, distinct from other conflicts', () => {
    const op = specOperations().find((o) => o.method === 'POST' && o.path === '/api/submissions')!;
    const schema = op.operation.responses['409'].content['application/json'].schema;
    const v = validatorFor(schema);
    const stale = op.operation.responses['409'].content['application/json'].examples.staleRevision.value;
    expect(v(stale)).toBe(true);
    expect(stale.error.current.revision).toBe(2);
    expect(stale.error.yours.tasks[0].taskId).toBe('I-2');
    const { current: _c, ...withoutCurrent } = stale.error;
    expect(v({ error: withoutCurrent })).toBe(false);
    expect(v({ error: { ...stale.error, code: 'period_locked' } })).toBe(false);
    expect(v({ error: { code: 'period_locked', message: 'Kỳ đã khoá.', fields: [] } })).toBe(true);
  });
});
