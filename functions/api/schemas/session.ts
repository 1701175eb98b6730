/**
 * Request schema of POST /auth/session (functions/api/contract/ documents it from this schema).
 * flow: session handler --> schemas --> zod
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';

/** The access token the sign-in page read from the link's #fragment. */
export const sessionSchema = z.strictObject({ token: z.string().min(20).max(8192) });
