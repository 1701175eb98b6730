/**
 * Scheduled compile of a period's reports (monthly on the 21st by default; longer periods on their own days).
 * flow: EventBridge Scheduler { scheduledTime, job: 'compile', kind? } --> this handler --> run-job
 */
import { reportRenderers } from '../adapters/renderers.ts';
import { scheduledJobHandler } from './scheduled-event.ts';

export const handler = scheduledJobHandler('compile', reportRenderers);
