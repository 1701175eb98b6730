/**
 * Units' attachments in S3: presigned POST uploads (the policy holds the key, the size range and
 * the content type), HEAD, ranged reads for the content check, copy, delete, presigned downloads.
 * flow: attachments use case --> AttachmentStore port --> this adapter --> S3
 */
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { AttachmentObject, AttachmentStore } from '../usecases/ports.ts';
import { attachmentDisposition } from '../core/report-files.ts';
import type { RuntimeConfig } from './config.ts';

/**
 * The origin the browser posts attachments to (the URL a presigned POST names): s3rver locally,
 * the bucket's regional virtual-hosted endpoint in AWS. The form page's CSP allows connecting to it.
 */
export function uploadOrigin(config: Pick<RuntimeConfig, 'bucketName' | 'region' | 'endpoints'>): string {
  return config.endpoints.s3 ? new URL(config.endpoints.s3).origin : `https://${config.bucketName}.s3.${config.region}.amazonaws.com`;
}

/**
 * Absent. The functions have s3:GetObject on their agency's prefix but no s3:ListBucket, so S3
 * answers a HEAD of an absent key there with 403 rather than 404 (infra/function-access.ts).
 */
const missing = (err: unknown) =>
  err instanceof Error &&
  (err.name === 'NotFound' || err.name === 'NoSuchKey' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 403);

export class S3Attachments implements AttachmentStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async presignUpload(key: string, o: { contentType: string; maxBytes: number; expiresInSeconds: number; metadata: Record<string, string> }) {
    const meta = Object.fromEntries(Object.entries(o.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]));
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: key,
      Conditions: [
        ['content-length-range', 1, o.maxBytes],
        ['eq', '$Content-Type', o.contentType],
        ...Object.entries(meta).map(([k, v]) => ['eq', `$${k}`, v] as ['eq', string, string]),
      ],
      Fields: { 'Content-Type': o.contentType, ...meta },
      Expires: o.expiresInSeconds,
    });
    return { url, fields };
  }

  async head(key: string): Promise<AttachmentObject | undefined> {
    try {
      const out = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, ...(out.ContentType ? { contentType: out.ContentType } : {}), metadata: out.Metadata ?? {} };
    } catch (err) {
      if (missing(err)) return undefined;
      throw err;
    }
  }

  async readRange(key: string, start: number, end: number): Promise<Uint8Array> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=${start}-${end}` }));
    const body = await out.Body!.transformToByteArray();
    // A store that ignores Range (or answers the whole object) is cut to the bytes asked for.
    return body.byteLength > end - start + 1 ? body.subarray(0, end - start + 1) : body;
  }

  async copy(from: string, to: string, contentType: string, metadata: Record<string, string>): Promise<void> {
    await this.s3.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        CopySource: `${this.bucket}/${from.split('/').map(encodeURIComponent).join('/')}`,
        Key: to,
        ContentType: contentType,
        Metadata: metadata,
        MetadataDirective: 'REPLACE',
      }),
    );
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  presignGet(key: string, expiresInSeconds: number, downloadName: string): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: attachmentDisposition(downloadName) }), {
      expiresIn: expiresInSeconds,
    });
  }
}
