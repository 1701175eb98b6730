/**
 * A ZIP archive (an .xlsx) from whole entries: each deflated once, stamped with one fixed date
 * (the issue date, never the clock), so the same entries always give the same bytes and the
 * archive does not store a new version of an unchanged workbook.
 * flow: sheet-writer --> zip-writer --> node:zlib
 *
 * Only what an .xlsx needs: no streaming, no ZIP64 (an entry or the archive over 4 GB), ASCII names.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** DOS time has no zone: the UTC fields of the date given are what is stored. */
function dosDateTime(date: Date): { time: number; day: number } {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
const DEFLATE = 8;
const VERSION = 20;

type Field = [bytes: 2 | 4, value: number];

/** Little-endian fields, one after the other. */
function le(fields: readonly Field[]): Buffer {
  const out = Buffer.alloc(fields.reduce((n, [b]) => n + b, 0));
  let p = 0;
  for (const [bytes, value] of fields) p = bytes === 2 ? out.writeUInt16LE(value, p) : out.writeUInt32LE(value, p);
  return out;
}

/** `level` is zlib's (1 fastest … 9 smallest). 3, not the default 6: a third of the time for ~25 % more bytes (150 against 124 KB at 2,000 tasks). */
export function zip(entries: readonly ZipEntry[], date: Date, level = 3): Buffer {
  const { time, day } = dosDateTime(date);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'ascii');
    const packed = deflateRawSync(entry.data, { level });
    const crc = crc32(entry.data);
    // Version needed, flags, method, time, date, CRC-32, sizes: the same in both headers.
    const common: Field[] = [
      [2, 0],
      [2, DEFLATE],
      [2, time],
      [2, day],
      [4, crc],
      [4, packed.length],
      [4, entry.data.length],
      [2, name.length],
    ];
    const local = le([[4, LOCAL], [2, VERSION], ...common, [2, 0]]);
    const head = le([[4, CENTRAL], [2, VERSION], [2, VERSION], ...common, [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]);
    central.push(head, name);
    parts.push(local, name, packed);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = le([
    [4, EOCD],
    [2, 0],
    [2, 0],
    [2, entries.length],
    [2, entries.length],
    [4, centralSize],
    [4, offset],
    [2, 0],
  ]);
  return Buffer.concat([...parts, ...central, end]);
}
