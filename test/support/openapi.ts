/**
 * Test helper for the API contract: loads docs/openapi.yaml, resolves its local $refs, finds the
 * operation for a method and a concrete path, and checks a response (or request) body against
 * the schema the document declares for it, with ajv's JSON Schema 2020-12 validator.
 * flow: unit + integration tests --> openapi helper --> docs/openapi.yaml + ajv
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import YAML from 'yaml';

export const OPENAPI_FILE = fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url));

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

// The document is plain JSON-like data read from YAML; these aliases only name what a value is.
type Json = any;
export type OpenApiDocument = Record<string, Json>;

const rawCache = new Map<string, OpenApiDocument>();
const resolvedCache = new Map<string, OpenApiDocument>();

/** The document as written (with its $refs), parsed once per file. */
export function loadOpenApi(file = OPENAPI_FILE): OpenApiDocument {
  let doc = rawCache.get(file);
  if (!doc) {
    doc = YAML.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    rawCache.set(file, doc);
  }
  return doc;
}

/** The document with every local $ref replaced by what it points to. */
export function resolvedOpenApi(file = OPENAPI_FILE): OpenApiDocument {
  let doc = resolvedCache.get(file);
  if (!doc) {
    doc = resolveRefs(loadOpenApi(file)) as OpenApiDocument;
    resolvedCache.set(file, doc);
  }
  return doc;
}

/** Follows a local JSON pointer ("#/components/schemas/X"); throws when it leads nowhere. */
export function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got "${ref}"`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`Unresolvable $ref "${ref}" (no "${key}")`);
    node = node[key];
  }
  return node;
}

/**
 * Returns a copy of `doc` with its local $refs inlined. A $ref with sibling keywords (OpenAPI 3.1
 * allows them in schemas, e.g. `{ $ref, description }`) becomes `{ ...siblings, allOf: [target] }`,
 * which keeps both meanings for a validator. A cycle throws: the contract has no recursive types,
 * and a cycle would mean a mistake.
 */
export function resolveRefs(doc: Json): Json {
  const memo = new Map<string, Json>();
  const walk = (node: Json, stack: string[]): Json => {
    if (Array.isArray(node)) return node.map((n) => walk(n, stack));
    if (node === null || typeof node !== 'object') return node;
    if (typeof node.$ref === 'string') {
      const ref: string = node.$ref;
      if (stack.includes(ref)) throw new Error(`Circular $ref: ${[...stack, ref].join(' -> ')}`);
      let target = memo.get(ref);
      if (target === undefined) {
        target = walk(resolvePointer(doc, ref), [...stack, ref]);
        memo.set(ref, target);
      }
      const { $ref: _ref, ...siblings } = node;
      if (Object.keys(siblings).length === 0) return target;
      const rest = walk(siblings, stack);
      return { ...rest, allOf: [...(rest.allOf ?? []), target] };
    }
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(node)) out[k] = walk(v, stack);
    return out;
  };
  return walk(doc, []);
}

export interface SpecOperation {
  /** Upper-case HTTP method. */
  method: string;
  /** Path template as written in the document: "/api/submissions/{period}/{unit}". */
  path: string;
  /** The operation object, $refs resolved, with path-level parameters merged in. */
  operation: Json;
}

/** Every operation of the document. */
export function specOperations(doc = resolvedOpenApi()): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const m of HTTP_METHODS) {
      const op = item[m];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      out.push({ method: m.toUpperCase(), path, operation: { ...op, parameters: params } });
    }
  }
  return out;
}

function matchTemplate(template: string, actual: string): Record<string, string> | undefined {
  const a = template.split('/').filter(Boolean);
  const b = actual.split('/').filter(Boolean);
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const m = /^\{([^}]+)\}$/.exec(a[i]!);
    if (m) params[m[1]!] = decodeURIComponent(b[i]!);
    else if (a[i] !== b[i]) return undefined;
  }
  return params;
}

export interface FoundOperation extends SpecOperation {
  pathParams: Record<string, string>;
}

/**
 * The operation serving `method` on a concrete path ("/api/submissions/2024-10/QLKH?x=1").
 * Among templates that match, the one with more literal segments wins, as in OpenAPI.
 */
export function findOperation(method: string, concretePath: string, doc = resolvedOpenApi()): FoundOperation | undefined {
  const path = new URL(concretePath, 'http://x').pathname;
  let best: FoundOperation | undefined;
  let bestLiterals = -1;
  for (const op of specOperations(doc)) {
    if (op.method !== method.toUpperCase()) continue;
    const params = matchTemplate(op.path, path);
    if (!params) continue;
    const literals = op.path.split('/').filter((s) => s && !s.startsWith('{')).length;
    if (literals > bestLiterals) {
      best = { ...op, pathParams: params };
      bestLiterals = literals;
    }
  }
  return best;
}

let ajvInstance: InstanceType<typeof Ajv2020.default> | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/** One ajv for every check: JSON Schema 2020-12, formats, strict about unknown keywords. */
export function ajv(): InstanceType<typeof Ajv2020.default> {
  if (!ajvInstance) {
    // strictTypes off: OpenAPI schemas often narrow a property (`properties: { code: { enum } }`)
    // without repeating `type: object`, which is valid JSON Schema.
    ajvInstance = new Ajv2020.default({ strict: true, strictTypes: false, allErrors: true });
    addFormats.default(ajvInstance);
  }
  return ajvInstance;
}

/** Compiles a (resolved) schema once. */
export function validatorFor(schema: Json): ValidateFunction {
  if (schema === true || schema === false) return ajv().compile(schema);
  let v = compiled.get(schema);
  if (!v) {
    v = ajv().compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

export function formatErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}

function mediaBase(type: string | null | undefined): string {
  return (type ?? '').split(';')[0]!.trim().toLowerCase();
}

export interface ResponseLike {
  status: number;
  /** Response headers (fetch Headers or a plain record). */
  headers?: Headers | Record<string, string | undefined>;
  /** The parsed JSON body, or the text. */
  body: unknown;
}

function headerOf(headers: ResponseLike['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const rec = headers as Record<string, string | undefined>;
  return rec[name] ?? rec[name.toLowerCase()];
}

/**
 * Problems with a response against the document, empty when it conforms: the operation must
 * exist, the status must be declared for it (no `default` fallback), the content type must be
 * one it declares, and the body and declared headers must match their schemas.
 */
export function responseProblems(method: string, path: string, res: ResponseLike, doc = resolvedOpenApi()): string[] {
  const op = findOperation(method, path, doc);
  if (!op) return [`${method} ${path}: no operation in the OpenAPI document`];
  const where = `${op.method} ${op.path} → ${res.status}`;
  const declared = op.operation.responses?.[String(res.status)];
  if (!declared) return [`${where}: status ${res.status} is not declared (declared: ${Object.keys(op.operation.responses ?? {}).join(', ')})`];
  const problems: string[] = [];
  for (const [name, h] of Object.entries<Json>(declared.headers ?? {})) {
    const value = headerOf(res.headers, name);
    if (value === undefined) {
      if (h.required) problems.push(`${where}: missing required header ${name}`);
      continue;
    }
    if (h.schema && name.toLowerCase() !== 'set-cookie') {
      const v = validatorFor(h.schema);
      if (!v(value)) problems.push(...formatErrors(v.errors).map((e) => `${where}: header ${name} ${e}`));
    }
  }
  const content: Record<string, Json> = declared.content ?? {};
  const types = Object.keys(content);
  const actualType = mediaBase(headerOf(res.headers, 'content-type'));
  const empty = res.body === undefined || res.body === '';
  if (types.length === 0) {
    if (!empty) problems.push(`${where}: the document declares no body, but one was returned`);
    return problems;
  }
  const media = types.find((t) => mediaBase(t) === actualType);
  if (!media) {
    problems.push(`${where}: content type "${actualType}" is not declared (declared: ${types.join(', ')})`);
    return problems;
  }
  const schema = content[media].schema;
  if (schema === undefined) return problems;
  const v = validatorFor(schema);
  if (!v(res.body)) problems.push(...formatErrors(v.errors).map((e) => `${where}: body${e.startsWith('(root)') ? e.slice(6) : ` ${e}`}`));
  return problems;
}

/** Throws with every problem listed when the response does not match the document. */
export function assertResponseMatchesSpec(method: string, path: string, res: ResponseLike): void {
  const problems = responseProblems(method, path, res);
  if (problems.length) {
    const body = JSON.stringify(res.body);
    throw new Error(
      `Response does not match docs/openapi.yaml:\n- ${problems.join('\n- ')}\nbody: ${body && body.length > 2000 ? `${body.slice(0, 2000)}…` : body}`,
    );
  }
}

/** Problems with a JSON request body against the operation's declared request body schema. */
export function requestBodyProblems(method: string, path: string, body: unknown, doc = resolvedOpenApi()): string[] {
  const op = findOperation(method, path, doc);
  if (!op) return [`${method} ${path}: no operation in the OpenAPI document`];
  const rb = op.operation.requestBody;
  if (!rb) return [`${op.method} ${op.path}: declares no request body`];
  const schema = rb.content?.['application/json']?.schema;
  if (!schema) return [`${op.method} ${op.path}: declares no application/json request body`];
  const v = validatorFor(schema);
  return v(body) ? [] : formatErrors(v.errors).map((e) => `${op.method} ${op.path} request body: ${e}`);
}
