/**
 * Memory and timeout of each function, from measurements (docs/deploy.md, "Sizing", reproduced with
 * `npx tsx infra/measure-functions.ts`). Lambda gives CPU in proportion to memory (1,769 MB = one
 * vCPU), so memory here buys cold-start and rendering speed more than room.
 * flow: infra/function-construct --> function sizing
 */
import type { FunctionSpec } from './function-catalog.ts';

export interface Sizing {
  memoryMb: number;
  timeoutSeconds: number;
  /** Why, for the reader of the template and of docs/deploy.md. */
  basis: string;
}

/** Lambda gives one vCPU per 1,769 MB: this is two, one for each render thread of a compile. */
export const TWO_VCPUS = 3538;

/** API Gateway stops waiting for an integration after 30 s; a function must answer before that. */
export const API_GATEWAY_TIMEOUT_SECONDS = 30;
/** …and for a Lambda authorizer's answer after 10 s (HTTP API quota, not adjustable). */
export const AUTHORIZER_RESPONSE_TIMEOUT_SECONDS = 10;

const API_DEFAULT: Sizing = {
  memoryMb: 1024,
  timeoutSeconds: 10,
  basis:
    'HTTP handler with the AWS SDK: ~0.5 MB bundle, cold import 175–285 ms on one local core, ~80 MB RSS. 1,024 MB ' +
    '(0.58 vCPU) keeps the import near 0.5 s, so a cold page still answers in about a second; a warm request is a ' +
    "few DynamoDB calls. 10 s leaves room for the SDK's retries.",
};

const LIGHT: Sizing = {
  memoryMb: 512,
  timeoutSeconds: 10,
  basis: 'no AWS SDK in the bundle: cold import ~45 ms, ~50 MB RSS; 512 MB (0.29 vCPU) keeps it under 0.2 s.',
};

const JOB_DEFAULT: Sizing = {
  memoryMb: 1024,
  timeoutSeconds: 300,
  basis: 'scheduled job: no caller waits on it, so the timeout leaves room for retries of the services it calls.',
};

const AUTHORIZER: Sizing = {
  memoryMb: 512,
  timeoutSeconds: 6,
  basis:
    'runs before every guarded API request: 22 KB bundle (jose, no AWS SDK), cold import ~10 ms and 41 MB RSS on ' +
    "one local core; 512 MB (0.29 vCPU) keeps a cold start near 0.1 s. A cold start also fetches the pool's JWKS once " +
    "(jose gives up after 5 s), hence 6 s, under API Gateway's 10 s for an authorizer's answer.",
};

/**
 * The dashboard builds the Director's model of every month so far (twelve in December) with the
 * compile's aggregation, and draws its figures with ECharts (bundle ~1.1 MB) or writes the workbook:
 * one vCPU, and room under API Gateway's 30 s for a large plan read cold.
 */
const DASHBOARD: Sizing = {
  memoryMb: 1769,
  timeoutSeconds: 25,
  basis:
    "one Director model per month so far (the compile's aggregation; the demo's 2024 plan, 12 months: see docs/performance.md) " +
    'plus ECharts SVG or an exceljs workbook; one vCPU.',
};

const OVERRIDES: Readonly<Record<string, Sizing>> = {
  'api/dashboard.ts#handler': DASHBOARD,
  'api/pages/dashboard-page.ts#handler': DASHBOARD,
  'api/pages/dashboard-page.ts#taskHandler': DASHBOARD,
  'api/pages/dashboard-page.ts#figureHandler': DASHBOARD,
  'api/health.ts#handler': {
    memoryMb: 512,
    timeoutSeconds: 5,
    basis: 'three probes in parallel, each capped at 2 s by the handler; 80 MB RSS.',
  },
  'api/session.ts#sessionHandler': LIGHT,
  'api/session.ts#signoutHandler': LIGHT,
  'api/pages/signin-page.ts#handler': LIGHT,
  'api/pages/static.ts#handler': LIGHT,
  // The board downloads as a workbook from the same route (?format=xlsx), so exceljs is in its bundle.
  'api/status.ts#handler': {
    memoryMb: 1024,
    timeoutSeconds: 10,
    basis:
      'status board as JSON, or as a one-sheet workbook (exceljs in the bundle: 1.2 MB, ~90 MB RSS; its cold import ' +
      'measured about 1.4× a data handler in the same run). The workbook is one row per unit, a few ms to write; ' +
      "the reads are the same few DynamoDB queries as the JSON, so the data handlers' size and timeout serve.",
  },
  'api/report-issue.ts#handler': {
    memoryMb: TWO_VCPUS,
    timeoutSeconds: 29,
    basis: 'renders one document (PDF and workbook, side by side on two worker threads) with its number: the same vCPUs and timeout as the compile route.',
  },
  'api/report-compile.ts#handler': {
    memoryMb: TWO_VCPUS,
    timeoutSeconds: 29,
    basis:
      'renders 2 PDFs and 2 workbooks in the request, on one worker thread per vCPU (templates/render-pool.ts): ' +
      'npm run bench gave 4.4 s of CPU for a 2,000-task compile and 22 s for 10,000 (peak RSS 0.5 / 0.85 GB ' +
      "with a 1 GB heap per thread), so two vCPUs roughly halve the wait of one; a timeout just under API Gateway's 30 s.",
  },
  'jobs/compile.ts#handler': {
    memoryMb: TWO_VCPUS,
    timeoutSeconds: 300,
    basis:
      'the same rendering without a caller waiting, two vCPUs for its two render threads (docs/performance.md: ' +
      "under a cent a month). 5 min is 10× the 10,000-task compile's CPU time on two vCPUs, so a slow S3 or DynamoDB " +
      'retry never cuts a compile short; and it stays under the job lease (15 min), so a retry is not refused as busy.',
  },
  'jobs/deliver.ts#handler': {
    memoryMb: 1024,
    timeoutSeconds: 300,
    basis:
      'reads the PDF/xlsx (≤ 10 MB, the mail limit) and sends 1–3 messages; with 4 attempts and 2-4-8 s back-off ' +
      'per message, the waits, not the CPU, set the timeout.',
  },
  'jobs/remind.ts#handler': {
    memoryMb: 1024,
    timeoutSeconds: 900,
    basis:
      'one message per unit (up to 40) plus a summary; if SES fails throughout, each message waits 14 s of back-off ' +
      'before giving up, 40 × 14 s ≈ 9 min: the Lambda maximum of 15 min keeps even that run whole.',
  },
};

export function sizingOf(spec: Pick<FunctionSpec, 'key' | 'kind'>): Sizing {
  const sizing = OVERRIDES[spec.key] ?? (spec.kind === 'job' ? JOB_DEFAULT : spec.kind === 'authorizer' ? AUTHORIZER : API_DEFAULT);
  if (spec.kind === 'api' && sizing.timeoutSeconds >= API_GATEWAY_TIMEOUT_SECONDS) {
    throw new Error(`${spec.key}: timeout ${sizing.timeoutSeconds}s must stay under API Gateway's ${API_GATEWAY_TIMEOUT_SECONDS}s`);
  }
  if (spec.kind === 'authorizer' && sizing.timeoutSeconds >= AUTHORIZER_RESPONSE_TIMEOUT_SECONDS) {
    throw new Error(`${spec.key}: timeout ${sizing.timeoutSeconds}s must stay under API Gateway's ${AUTHORIZER_RESPONSE_TIMEOUT_SECONDS}s for an authorizer`);
  }
  return sizing;
}
