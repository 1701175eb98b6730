/**
 * Test helper: exceljs's `load` is typed for its own Buffer (an ArrayBuffer), so hand it one.
 * flow: renderer tests --> xlsx-read
 */
export function arrayBuffer(bytes: Buffer): ArrayBuffer {
  const out = new ArrayBuffer(bytes.length);
  new Uint8Array(out).set(bytes);
  return out;
}
