/**
 * POST /api/reports/{period}/issue {audience, version?, number?, date?} — Văn phòng or a leader
 * issues a compiled document under a number from the register (201), re-rendered with its
 * number and date. A number already used, a superseded or already issued version: 409.
 * flow: API Gateway --> issue handler --> issue-report use case (+ renderers)
 */
import { container } from '../adapters/container.ts';
import { localDate } from '../core/clock.ts';
import { profileOn } from '../usecases/agency-service.ts';
import { issueReport } from '../usecases/issue-report.ts';
import { issuanceNumber } from '../usecases/ports.ts';
import { reportRenderers } from '../adapters/renderers.ts';
import { httpHandler } from './handler.ts';
import { json } from './http.ts';
import { ROLES_OF } from './contract/roles.ts';
import type { IssueResponse } from './schemas/responses.ts';
import { periodPath } from './report-params.ts';
import { issueSchema } from './schemas/reports.ts';
import { parseJsonBody } from './validation.ts';

export const handler = httpHandler(
  async (event) => {
    const period = periodPath(event);
    const body = parseJsonBody(event, issueSchema);
    const p = event.auth!;
    const c = container();
    const now = new Date();
    const profile = await profileOn(c.agencies, p.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
    const out = await issueReport(
      { ...c, renderers: reportRenderers },
      {
        agencyId: p.agencyId,
        period,
        audience: body.audience,
        ...(body.version !== undefined ? { version: body.version } : {}),
        ...(body.number !== undefined ? { number: body.number } : {}),
        ...(body.date !== undefined ? { date: body.date } : {}),
        by: p.sub,
        now,
        timeZone: profile.timeZone,
      },
    );
    return json<IssueResponse>(201, { number: issuanceNumber(out.issuance), issuance: out.issuance, report: out.version });
  },
  { roles: ROLES_OF.issueReport },
);
