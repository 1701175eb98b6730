/**
 * Report files in S3: put with content type and a SHA-256 checksum S3 verifies on arrival, get,
 * list (all pages), and short-lived presigned download links.
 * flow: use case --> FileArchive port --> this adapter --> S3
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FileArchive, StoredObject } from '../usecases/ports.ts';
import { attachmentDisposition } from '../core/report-files.ts';

export class S3Archive implements FileArchive {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Uint8Array, contentType: string, metadata: Record<string, string> = {}): Promise<StoredObject> {
    const sha256 = createHash('sha256').update(body).digest();
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentLength: body.byteLength,
        // Content-MD5 is checked by S3 and s3rver alike; the SHA-256 goes in metadata (s3rver
        // ignores x-amz-checksum-*) and is checked again on every read by `get`.
        ContentMD5: createHash('md5').update(body).digest('base64'),
        Metadata: { ...metadata, sha256: sha256.toString('hex') },
      }),
    );
    return { key, size: body.byteLength, contentType, sha256: sha256.toString('hex') };
  }

  async get(key: string) {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = await out.Body!.transformToByteArray();
      const metadata = out.Metadata ?? {};
      const expected = metadata.sha256;
      if (expected && createHash('sha256').update(body).digest('hex') !== expected) {
        throw new Error(`Checksum mismatch reading ${key}`);
      }
      return { body, ...(out.ContentType ? { contentType: out.ContentType } : {}), metadata };
    } catch (err) {
      if (err instanceof Error && (err.name === 'NoSuchKey' || err.name === 'NotFound')) return undefined;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (err) {
      if (err instanceof Error && (err.name === 'NotFound' || err.name === 'NoSuchKey')) return false;
      throw err;
    }
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const out: StoredObject[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) {
        out.push({ key: o.Key!, size: o.Size ?? 0, ...(o.LastModified ? { lastModified: o.LastModified.toISOString() } : {}) });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  presignGet(key: string, expiresInSeconds: number, downloadName?: string): Promise<string> {
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ...(downloadName ? { ResponseContentDisposition: attachmentDisposition(downloadName) } : {}),
      }),
      { expiresIn: expiresInSeconds },
    );
  }
}
