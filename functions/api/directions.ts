/**
 * The leaders' directions: GET /api/directions (the queue of proposals asking the Sở's leaders for
 * a decision, `?state=pending|directed|all`, `?year=`), POST /api/directions (a leader records a
 * direction on one), GET /api/directions/{id} (with its versions), PUT /api/directions/{id} (a
 * new version, naming the version it changes: 409 when another came first).
 * flow: API Gateway --> directions handlers --> directions use case
 */
import { container } from '../adapters/container.ts';
import { changeDirection, directionQueue, readDirection, recordDirection, type QueueState } from '../usecases/directions.ts';
import { ROLES_OF } from './contract/roles.ts';
import { httpHandler } from './handler.ts';
import { ApiError, json, query } from './http.ts';
import { changeDirectionSchema, recordDirectionSchema } from './schemas/directions.ts';
import type { DirectionQueue, DirectionResponse } from './schemas/responses.ts';
import { parseJsonBody } from './validation.ts';

const STATES: readonly QueueState[] = ['pending', 'directed', 'all'];

export const listHandler = httpHandler(
  async (event) => {
    const state = (query(event, 'state') ?? 'all') as QueueState;
    if (!STATES.includes(state))
      throw new ApiError(400, 'invalid_state', 'Tham số state chỉ nhận pending, directed hoặc all.', [
        { field: 'state', message: 'Dùng pending (chờ ý kiến), directed (đã có ý kiến) hoặc all.' },
      ]);
    const y = query(event, 'year');
    if (y !== undefined && !/^20\d{2}$/.test(y))
      throw new ApiError(400, 'invalid_year', `Năm "${y}" không hợp lệ (dạng YYYY).`, [{ field: 'year', message: 'Năm dạng YYYY.' }]);
    const out = await directionQueue(container(), event.auth!, { state, ...(y ? { year: Number(y) } : {}) }, new Date());
    return json<DirectionQueue>(200, out);
  },
  { roles: ROLES_OF.listDirections },
);

export const recordHandler = httpHandler(
  async (event) => {
    const body = parseJsonBody(event, recordDirectionSchema);
    const direction = await recordDirection(container(), event.auth!, body, new Date());
    return json<DirectionResponse>(201, { direction, changed: true });
  },
  { roles: ROLES_OF.recordDirection },
);

export const getHandler = httpHandler(
  async (event) => json<DirectionResponse>(200, await readDirection(container(), event.auth!, event.pathParameters?.id ?? '')),
  { roles: ROLES_OF.getDirection },
);

export const changeHandler = httpHandler(
  async (event) => {
    const body = parseJsonBody(event, changeDirectionSchema);
    const out = await changeDirection(container(), event.auth!, event.pathParameters?.id ?? '', body, new Date());
    return json<DirectionResponse>(200, out);
  },
  { roles: ROLES_OF.changeDirection },
);
