/**
 * POST /api/reminders {period, units?, dryRun?} — Văn phòng reminds the units that have not sent
 * the month's report, now: `dryRun: true` shows each email (to whom, subject, words) without
 * sending; otherwise they are sent and the outcome of each returned. An Idempotency-Key names the
 * sending, so a retried request sends nothing twice.
 * flow: API Gateway --> reminders handler --> remind now use case
 */
import { container } from '../adapters/container.ts';
import { jobSettingsFromEnv } from '../adapters/job-settings.ts';
import { remindNow } from '../usecases/remind-now.ts';
import { ROLES_OF } from './contract/roles.ts';
import { httpHandler } from './handler.ts';
import { ApiError, header, json } from './http.ts';
import type { RemindersResponse } from './schemas/responses.ts';
import { remindSchema } from './schemas/reminders.ts';
import { idempotencyKey } from './schemas/submission.ts';
import { parseJsonBody } from './validation.ts';

export const handler = httpHandler(
  async (event) => {
    const body = parseJsonBody(event, remindSchema);
    const raw = header(event, 'idempotency-key');
    const key = raw === undefined ? undefined : idempotencyKey.safeParse(raw);
    if (key && !key.success)
      throw new ApiError(400, 'invalid_idempotency_key', key.error.issues[0]!.message, [{ field: 'Idempotency-Key', message: key.error.issues[0]!.message }]);
    const deps = {
      ...container(),
      clock: () => new Date(),
      sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
      settings: jobSettingsFromEnv(),
    };
    const result = await remindNow(deps, event.auth!, {
      period: body.period,
      ...(body.units ? { units: body.units } : {}),
      dryRun: body.dryRun === true,
      ...(key?.success ? { requestKey: `${event.auth!.sub}:${key.data}` } : {}),
      now: new Date(),
    });
    return json<RemindersResponse>(200, result);
  },
  { roles: ROLES_OF.sendReminders },
);
