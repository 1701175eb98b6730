/**
 * Sets every entry's modification time in a ZIP (an .xlsx) to one fixed date.
 * flow: render-xlsx --> zip-timestamps
 *
 * exceljs zips with JSZip, which stamps each entry with the current time, so two renders of the
 * same model would differ in a few bytes and the archive would store a new version. Patching the
 * DOS date/time fields of the local and central headers makes the output depend on the model only.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function dosDateTime(date: Date): { time: number; day: number } {
  // DOS time has no zone; the UTC fields of the date we are given are what we store.
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

export function fixZipTimestamps(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP file: end of central directory not found');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  const { time, day } = dosDateTime(date);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(p) !== CENTRAL) throw new Error(`bad ZIP central directory entry at ${p}`);
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(day, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== LOCAL) throw new Error(`bad ZIP local header at ${local}`);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
