/**
 * The leaders' morning digest, weekdays: the new proposals awaiting them and the tasks newly overdue,
 * to each Lãnh đạo Sở who opted in.
 * flow: EventBridge Scheduler { scheduledTime, job: 'digest' } --> this handler --> run-job --> leader digest
 */
import { noRenderers } from './job-deps.ts';
import { scheduledJobHandler } from './scheduled-event.ts';

export const handler = scheduledJobHandler('digest', noRenderers('digest'));
