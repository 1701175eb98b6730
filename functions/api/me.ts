/**
 * PUT /api/me/digest — a Lãnh đạo Sở turns their own morning digest on or off (issue 15, item 4):
 * a setting of the person, kept on their user record (docs/decisions.md), set from the dashboard.
 * flow: API Gateway --> me handler --> leader digest use case (setOwnDigest) --> UserStore
 */
import { container } from '../adapters/container.ts';
import { setOwnDigest } from '../usecases/leader-digest.ts';
import { ROLES_OF } from './contract/roles.ts';
import { httpHandler } from './handler.ts';
import { json } from './http.ts';
import type { DigestSettingResponse } from './schemas/responses.ts';
import { digestSettingSchema } from './schemas/users.ts';
import { parseJsonBody } from './validation.ts';

export const digestHandler = httpHandler(
  async (event) => {
    const { digest } = parseJsonBody(event, digestSettingSchema);
    const user = await setOwnDigest(container(), event.auth!, digest, new Date());
    return json<DigestSettingResponse>(200, { digest: user.digest === true });
  },
  { roles: ROLES_OF.setOwnDigest },
);
