/**
 * Request schema of POST /api/agency/profile: a JSON object, the whole profile with its
 * effectiveFrom. The use case validates it field by field (usecases/agency-schema.ts, the CLI's
 * own schema) so the answer names each problem; here only its shape as an object.
 * flow: agency profile handler --> schemas --> zod
 */
import * as z from 'zod';

export const agencyProfileBody = z.record(z.string(), z.unknown(), { error: 'Hồ sơ cơ quan phải là một đối tượng JSON.' });
