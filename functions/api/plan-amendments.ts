/**
 * POST /api/plans/{year}/tasks/{taskId}/amendments: Văn phòng extends a task's deadline by a
 * decision (`dryRun: true` first: the deadline before and after, and which months' status changes).
 * flow: API Gateway --> plan amendments handler --> amend plan use case
 */
import { container } from '../adapters/container.ts';
import { amendDeadline } from '../usecases/amend-plan.ts';
import { actorOf } from '../usecases/people.ts';
import { ROLES_OF } from './contract/roles.ts';
import { httpHandler } from './handler.ts';
import { json } from './http.ts';
import { yearPath } from './plan-year.ts';
import type { AmendmentResponse } from './schemas/responses.ts';
import { amendSchema } from './schemas/plans.ts';
import { parseJsonBody } from './validation.ts';

export const handler = httpHandler(
  async (event) => {
    const year = yearPath(event);
    const body = parseJsonBody(event, amendSchema);
    const p = event.auth!;
    const c = container();
    const out = await amendDeadline(
      { plans: c.plans, submissions: c.submissions, agencies: c.agencies, audit: c.users },
      {
        agencyId: p.agencyId,
        year,
        taskId: event.pathParameters?.taskId ?? '',
        deadline: body.deadline,
        decision: body.decision,
        by: actorOf(p),
        now: new Date(),
        ...(body.dryRun ? { dryRun: true } : {}),
      },
    );
    return json<AmendmentResponse>(out.changed ? 201 : 200, out);
  },
  { roles: ROLES_OF.amendPlan },
);
