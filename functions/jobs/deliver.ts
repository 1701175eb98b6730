/**
 * Scheduled delivery of the UBND report by email after its compile; marks a monthly period issued.
 * flow: EventBridge Scheduler { scheduledTime, job: 'deliver', kind? } --> this handler --> run-job
 */
import { reportRenderers } from '../adapters/renderers.ts';
import { scheduledJobHandler } from './scheduled-event.ts';

export const handler = scheduledJobHandler('deliver', reportRenderers);
