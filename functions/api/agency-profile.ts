/**
 * GET  /api/agency/profile — Văn phòng reads the profile in force and the list of its versions.
 * POST /api/agency/profile?dryRun=true|false {profile with effectiveFrom} — previews (problems by
 * field, the header and closing lines as they will print) or stores a new effective-dated version
 * with its audit entry. A placeholder signer name: 400 `placeholder_signer`; other problems: 422.
 * flow: API Gateway --> agency profile handlers --> agency profile use case
 */
import { container } from '../adapters/container.ts';
import { readAgencyProfile, saveAgencyProfile } from '../usecases/agency-profile.ts';
import { ROLES_OF } from './contract/roles.ts';
import { httpHandler } from './handler.ts';
import { ApiError, json, query } from './http.ts';
import type { AgencyProfileResponse, ProfileSaveResponse } from './schemas/responses.ts';
import { agencyProfileBody } from './schemas/agency.ts';
import { parseJsonBody } from './validation.ts';

export const getHandler = httpHandler(
  async (event) => json<AgencyProfileResponse>(200, (await readAgencyProfile(container(), event.auth!, new Date())) as unknown as AgencyProfileResponse),
  { roles: ROLES_OF.getAgencyProfile },
);

export const postHandler = httpHandler(
  async (event) => {
    const raw = query(event, 'dryRun');
    if (raw !== undefined && raw !== 'true' && raw !== 'false') {
      throw new ApiError(400, 'invalid_dry_run', 'dryRun: true (chỉ xem trước) hoặc false (lưu).', [{ field: 'dryRun', message: 'true hoặc false.' }]);
    }
    const body = parseJsonBody(event, agencyProfileBody);
    const result = await saveAgencyProfile(container(), event.auth!, body, { dryRun: raw === 'true', now: new Date() });
    return json<ProfileSaveResponse>(result.stored?.changed ? 201 : 200, result as ProfileSaveResponse);
  },
  { roles: ROLES_OF.saveAgencyProfile },
);
