/**
 * Report files in memory, with the S3 adapter's checksum and listing behaviour; links are
 * `memory://` URLs (nothing serves them: use-case tests read files with `get`).
 * flow: use case --> FileArchive port --> this adapter (a Map)
 */
import { createHash } from 'node:crypto';
import type { FileArchive, StoredObject } from '../../usecases/ports.ts';

interface Entry {
  body: Uint8Array;
  contentType: string;
  metadata: Record<string, string>;
  at: string;
}

export class MemoryFileArchive implements FileArchive {
  private readonly files = new Map<string, Entry>();

  async put(key: string, body: Uint8Array, contentType: string, metadata: Record<string, string> = {}): Promise<StoredObject> {
    const sha256 = createHash('sha256').update(body).digest('hex');
    this.files.set(key, { body: new Uint8Array(body), contentType, metadata: { ...metadata, sha256 }, at: new Date().toISOString() });
    return { key, size: body.byteLength, contentType, sha256 };
  }

  async get(key: string) {
    const f = this.files.get(key);
    return f ? { body: new Uint8Array(f.body), contentType: f.contentType, metadata: { ...f.metadata } } : undefined;
  }

  async list(prefix: string): Promise<StoredObject[]> {
    return [...this.files.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, f]) => ({ key, size: f.body.byteLength, lastModified: f.at }));
  }

  async presignGet(key: string, expiresInSeconds: number, downloadName?: string): Promise<string> {
    const name = downloadName ? `&name=${encodeURIComponent(downloadName)}` : '';
    return `memory://archive/${encodeURIComponent(key)}?expires=${expiresInSeconds}${name}`;
  }

  async exists(key: string): Promise<boolean> {
    return this.files.has(key);
  }
}
