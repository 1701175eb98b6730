// The observability middleware: middy handler + fake Lambda context --> Powertools logs and EMF metrics on stdout.
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countEvent, logger } from '../../functions/adapters/observability.ts';
import { CORRELATION, observability } from '../../functions/runtime/observability.ts';

const context = {
  functionName: 'baocao-dev-app-ApiSubmissionsSubmit',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:111122223333:function:baocao-dev-app-ApiSubmissionsSubmit',
  memoryLimitInMB: '1024',
  awsRequestId: 'c0ffee00-1111-2222-3333-444455556666',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

const apiEvent = { requestContext: { requestId: 'Ab1Cd2Ef3=' }, rawPath: '/api/submissions' };

let lines: string[];
beforeEach(() => {
  lines = [];
  const capture = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture as never);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture as never);
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.AWS_LAMBDA_FUNCTION_NAME;
});

const json = () => lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('observability middleware', () => {
  it('adds the Lambda context and the request id to every log line of the invocation', async () => {
    const handler = middy(async () => {
      logger.info('đã nhận bản nộp');
      return { statusCode: 201 };
    }).use(observability(CORRELATION.api));
    await expect(handler(apiEvent, context)).resolves.toEqual({ statusCode: 201 });
    const entry = json().find((l) => l['message'] === 'đã nhận bản nộp');
    expect(entry).toMatchObject({
      level: 'INFO',
      service: 'baocao',
      function_name: 'baocao-dev-app-ApiSubmissionsSubmit',
      function_request_id: 'c0ffee00-1111-2222-3333-444455556666',
      correlation_id: 'Ab1Cd2Ef3=',
      cold_start: expect.any(Boolean),
    });
  });

  it('takes a schedule run’s time as its correlation id', async () => {
    const handler = middy(async () => {
      logger.info('bắt đầu tổng hợp');
      return 'ok';
    }).use(observability(CORRELATION.schedule));
    await handler({ job: 'compile', scheduledTime: '2024-05-21T01:00:00Z' }, context);
    expect(json().find((l) => l['message'] === 'bắt đầu tổng hợp')).toMatchObject({ correlation_id: '2024-05-21T01:00:00Z' });
  });

  it('flushes recorded metrics as one EMF line in Lambda, in the baocao namespace', async () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'baocao-dev-app-JobsCompile';
    const handler = middy(async () => {
      countEvent('ReportsCompiled');
      return 'ok';
    }).use(observability(CORRELATION.schedule));
    await handler({ scheduledTime: '2024-05-21T01:00:00Z' }, context);
    const emf = json().filter((l) => '_aws' in l);
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({
      ReportsCompiled: 1,
      service: 'baocao',
      _aws: { CloudWatchMetrics: [{ Namespace: 'baocao', Dimensions: [['service']], Metrics: [{ Name: 'ReportsCompiled', Unit: 'Count' }] }] },
    });
  });

  it('flushes them when the handler throws too, and lets the error through', async () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'baocao-dev-app-JobsDeliver';
    const handler = middy(async () => {
      countEvent('DeliveryFailed');
      throw new Error('SES từ chối');
    }).use(observability(CORRELATION.schedule));
    await expect(handler({ scheduledTime: '2024-05-21T03:00:00Z' }, context)).rejects.toThrow('SES từ chối');
    expect(
      json()
        .filter((l) => '_aws' in l)
        .map((l) => l['DeliveryFailed']),
    ).toEqual([1]);
  });

  it('writes no metric line, and no “no metrics” warning, when nothing was recorded or outside Lambda', async () => {
    const quiet = middy(async () => 'ok').use(observability(CORRELATION.api));
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'baocao-dev-app-ApiHealth';
    await quiet(apiEvent, context);
    delete process.env.AWS_LAMBDA_FUNCTION_NAME;
    const local = middy(async () => {
      countEvent('SubmissionsAccepted');
      return 'ok';
    }).use(observability(CORRELATION.api));
    await local(apiEvent, context);
    expect(lines.filter((l) => l.includes('_aws') || l.includes('No application metrics'))).toEqual([]);
    // Dropped, not kept for the next invocation.
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'baocao-dev-app-ApiHealth';
    await quiet(apiEvent, context);
    expect(lines.filter((l) => l.includes('SubmissionsAccepted'))).toEqual([]);
  });
});
