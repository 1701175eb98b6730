/**
 * A local reference into the document's components (`ref('responses', 'BadRequest')`), and a JSON body.
 * flow: contract --> refs
 */
export type ComponentKind = 'schemas' | 'parameters' | 'headers' | 'responses' | 'examples';

export function ref(kind: ComponentKind, name: string): { $ref: string } {
  return { $ref: `#/components/${kind}/${name}` };
}

/** The `content` of a JSON body: its schema (zod, or a reference) and, if any, its examples. */
export function json(schema: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { 'application/json': { schema, ...extra } };
}
