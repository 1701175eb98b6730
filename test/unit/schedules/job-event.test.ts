import { describe, expect, it } from 'vitest';
import { InvalidJobEventError, parseJobEvent } from '../../../functions/jobs/scheduled-event.ts';
import { runId } from '../../../functions/usecases/run-job.ts';

describe('the event a schedule sends its job', () => {
  it("reads { scheduledTime, agencyId, job, kind? }: the kind defaults to monthly, the time keeps its instant, the agency is the schedule's", () => {
    expect(parseJobEvent('compile', { job: 'compile', kind: 'quarterly', agencyId: 'skhcn-tayninh', scheduledTime: '2024-06-22T01:00:00Z' })).toEqual({
      agencyId: 'skhcn-tayninh',
      kind: 'quarterly',
      scheduledTime: new Date('2024-06-22T01:00:00Z'),
    });
    expect(parseJobEvent('remind', { agencyId: 'skhcn-bacgiang', scheduledTime: '2024-05-17T08:00:00+07:00' })).toEqual({
      agencyId: 'skhcn-bacgiang',
      kind: 'monthly',
      scheduledTime: new Date('2024-05-17T01:00:00Z'),
    });
    expect(runId('deliver', 'annual', new Date('2024-12-24T03:00:00Z'))).toBe('deliver-annual@2024-12-24T03:00:00.000Z');
  });

  it('refuses an event that is not one: no time, a time without its zone, another job, an unknown kind, no or a malformed agency', () => {
    const a = { agencyId: 'skhcn-bacgiang' };
    const bad = [
      {},
      { ...a, scheduledTime: 'tomorrow' },
      { ...a, scheduledTime: '2024-05-17T08:00:00' },
      { ...a, job: 'deliver', scheduledTime: '2024-05-17T01:00:00Z' },
      { ...a, kind: 'weekly', scheduledTime: '2024-05-17T01:00:00Z' },
      { scheduledTime: '2024-05-17T01:00:00Z' },
      { agencyId: '../x', scheduledTime: '2024-05-17T01:00:00Z' },
      null,
      'compile',
    ];
    for (const event of bad) expect(() => parseJobEvent('compile', event), JSON.stringify(event)).toThrow(InvalidJobEventError);
  });
});
