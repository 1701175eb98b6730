/**
 * GET /api/status?period=YYYY-MM — Văn phòng's status board as JSON (the HTML page
 * GET /status renders the same data).
 * flow: API Gateway --> status handler --> status use case
 */
import { container } from '../adapters/container.ts';
import { statusBoard } from '../usecases/status.ts';
import { httpHandler } from './handler.ts';
import { json } from './http.ts';
import { ROLES_OF } from './contract/roles.ts';
import type { StatusBoard } from './schemas/responses.ts';
import { monthOrCurrent } from './period-query.ts';

export const handler = httpHandler(
  async (event) => {
    const now = new Date();
    return json<StatusBoard>(200, await statusBoard(container(), event.auth!, await monthOrCurrent(event, now), now));
  },
  { roles: ROLES_OF.getStatusBoard },
);
