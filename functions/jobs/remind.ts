/**
 * Scheduled reminders to units that have not submitted the month's report, and a summary to Văn phòng.
 * flow: EventBridge Scheduler { scheduledTime, job: 'remind', kind? } --> this handler --> run-job
 */
import { noRenderers } from './job-deps.ts';
import { scheduledJobHandler } from './scheduled-event.ts';

export const handler = scheduledJobHandler('remind', noRenderers('remind'));
