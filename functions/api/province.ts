/**
 * GET /api/province[?period=YYYY-MM] — for Văn phòng UBND tỉnh: every agency of the province with
 * where its report to UBND tỉnh stands for the month, the issued files, and the roll-up of the
 * tasks the Chủ tịch UBND tỉnh assigned.
 * flow: API Gateway --> province handler --> province view use case
 */
import { container } from '../adapters/container.ts';
import { provinceView } from '../usecases/province.ts';
import { ROLES_OF } from './contract/roles.ts';
import { httpHandler } from './handler.ts';
import { json } from './http.ts';
import { monthOrCurrent } from './period-query.ts';
import type { ProvinceResponse } from './schemas/responses.ts';

export const handler = httpHandler(
  async (event) => {
    const now = new Date();
    return json<ProvinceResponse>(200, await provinceView(container(), event.auth!, await monthOrCurrent(event, now), now));
  },
  { roles: ROLES_OF.provinceView },
);
