/**
 * The agency's people, for its Văn phòng: GET /api/users (everyone, with the recent audit log),
 * POST /api/users (invite by email into a unit with a role; the person receives an invitation),
 * PUT /api/users/{email} (change role, unit, name; disable or re-enable).
 * flow: API Gateway --> users handlers --> people use case
 */
import { container } from '../adapters/container.ts';
import { revocationList } from '../adapters/auth/revocation-list.ts';
import { identityDirectory } from '../adapters/auth/identity.ts';
import { changePerson, invitePerson, listPeople } from '../usecases/people.ts';
import { ROLES_OF } from './contract/roles.ts';
import { httpHandler } from './handler.ts';
import { json } from './http.ts';
import type { UserResponse, UsersResponse } from './schemas/responses.ts';
import { changeUserSchema, inviteSchema } from './schemas/users.ts';
import { parseJsonBody } from './validation.ts';

function deps() {
  const c = container();
  return {
    agencies: c.agencies,
    users: c.users,
    mailer: c.mailer,
    sessions: revocationList(),
    directory: identityDirectory(),
    ...(process.env.PUBLIC_URL ? { portalUrl: process.env.PUBLIC_URL } : {}),
  };
}

export const listHandler = httpHandler(async (event) => json<UsersResponse>(200, await listPeople(deps(), event.auth!)), { roles: ROLES_OF.listUsers });

export const inviteHandler = httpHandler(
  async (event) => {
    const body = parseJsonBody(event, inviteSchema);
    const user = await invitePerson(deps(), event.auth!, body, new Date());
    return json<UserResponse>(201, { user });
  },
  { roles: ROLES_OF.inviteUser },
);

export const changeHandler = httpHandler(
  async (event) => {
    const body = parseJsonBody(event, changeUserSchema);
    const user = await changePerson(deps(), event.auth!, { email: event.pathParameters?.email ?? '', ...body }, new Date());
    return json<UserResponse>(200, { user });
  },
  { roles: ROLES_OF.changeUser },
);
