/**
 * Request schema of POST /api/reminders (functions/api/contract/ documents it from this schema).
 * flow: reminders handler --> schemas --> zod
 */
import * as z from 'zod';
import { periodParam, unitParam } from './submission.ts';

export const remindSchema = z.strictObject({
  period: periodParam,
  units: z.array(unitParam).min(1).max(100).optional(),
  dryRun: z.boolean().optional(),
});
