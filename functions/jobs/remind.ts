/**
 * Scheduled reminders to units that have not submitted the month's report, and a summary to Văn phòng.
 * flow: EventBridge Scheduler { scheduledTime, job: 'remind', kind? } --> this handler --> run-job
 */
import { scheduledJobHandler } from './scheduled-event.ts';

export const handler = scheduledJobHandler('remind');
