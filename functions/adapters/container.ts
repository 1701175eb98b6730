/**
 * Builds the adapters once per process (a Lambda cold start, or the local server) and hands
 * them to handlers and jobs. Tests build their own with `makeContainer(config)`.
 * flow: handler --> container --> adapters
 */
import { loadConfig, type RuntimeConfig } from './config.ts';
import { makeDocumentClient, makeS3Client, makeSesClient } from './clients.ts';
import { DynamoAgencyStore } from './dynamo/agency-store.ts';
import { DynamoPlanStore } from './dynamo/plan-store.ts';
import { DynamoSubmissionStore } from './dynamo/submission-store.ts';
import { GetBatcher } from './dynamo/get-batcher.ts';
import { DynamoReportStore } from './dynamo/report-store.ts';
import { S3Archive } from './s3-archive.ts';
import { S3Attachments } from './s3-attachments.ts';
import { DynamoJobStore } from './dynamo/job-store.ts';
import { SesMailer } from './ses-mailer.ts';
import { DynamoSignInCodeStore, DynamoUserStore } from './dynamo/user-store.ts';
import { DynamoDirectionStore } from './dynamo/direction-store.ts';

export function makeContainer(config: RuntimeConfig = loadConfig()) {
  const doc = makeDocumentClient(config);
  const s3 = makeS3Client(config);
  const ses = makeSesClient(config);
  // One batcher for the stores a submit reads from together: their single-item reads issued at
  // the same time become one BatchGetItem (docs/data-model.md, "A submit's reads").
  const reads = new GetBatcher(doc, config.tableName);
  return {
    config,
    doc,
    s3,
    ses,
    agencies: new DynamoAgencyStore(doc, config.tableName, reads),
    plans: new DynamoPlanStore(doc, config.tableName, undefined, reads),
    submissions: new DynamoSubmissionStore(doc, config.tableName, reads),
    reports: new DynamoReportStore(doc, config.tableName),
    archive: new S3Archive(s3, config.bucketName),
    attachments: new S3Attachments(s3, config.bucketName),
    jobs: new DynamoJobStore(doc, config.tableName),
    mailer: new SesMailer(ses),
    users: new DynamoUserStore(doc, config.tableName),
    signInCodes: new DynamoSignInCodeStore(doc, config.tableName),
    directions: new DynamoDirectionStore(doc, config.tableName),
  };
}

export type Container = ReturnType<typeof makeContainer>;

let current: Container | undefined;

/** The process-wide container, created on first use from the environment. */
export function container(): Container {
  current ??= makeContainer();
  return current;
}

/** Drops the cached container (tests that change the environment). */
export function resetContainer(): void {
  current = undefined;
}
