/**
 * Request schema of POST /auth/session (functions/api/contract/ documents it from this schema).
 * flow: session handler --> schemas --> zod
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';

/** The access token the sign-in page read from the link's #fragment. */
export const tokenSessionSchema = z.strictObject({ token: z.string().min(20).max(8192) });

/** The email address and the code it received (POST /auth/code). */
export const codeSessionSchema = z.strictObject({
  email: z.string().min(3).max(254),
  code: z.string().min(1).max(20),
});

/** Either way of opening a session. */
export const sessionSchema = z.union([tokenSessionSchema, codeSessionSchema]);

/** POST /auth/code: where to send a sign-in code. */
export const codeRequestSchema = z.strictObject({ email: z.string().min(3).max(254) });
