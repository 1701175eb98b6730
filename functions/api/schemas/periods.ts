/**
 * Request schema of POST /api/periods/{period}/lock and …/reopen: the reason Văn phòng gives,
 * kept in the period's lock log and shown on its history page.
 * flow: periods handler --> schemas --> text schema
 */
import * as z from 'zod';
import { LOCK_REASON_MAX } from '../../core/lock-log.ts';
import { text } from '../validation.ts';

export const periodLockSchema = z.strictObject({
  reason: text(LOCK_REASON_MAX, { min: 1, label: 'Lý do' }),
});
