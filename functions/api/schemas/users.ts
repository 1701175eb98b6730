/**
 * Request schemas of the people routes (functions/api/contract/ documents them from these).
 * flow: users handler --> schemas --> zod
 */
import * as z from 'zod';
import { ROLES, type Role } from '../../core/auth.ts';

const role = z.enum(ROLES as unknown as [Role, ...Role[]]);
const unit = z.string().regex(/^[A-Za-z0-9]{1,16}$/u, 'mã đơn vị chỉ gồm chữ cái không dấu và số');

export const inviteSchema = z.strictObject({
  email: z.string().min(3).max(254),
  // The use case's own limits (2–100 characters after spaces are squeezed), so the document says them.
  name: z.string().min(2).max(100),
  role,
  unit: unit.optional(),
});

export const changeUserSchema = z.strictObject({
  version: z.int().min(1),
  role: role.optional(),
  unit: unit.nullable().optional(),
  name: z.string().min(2).max(100).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

/** PUT /api/me/digest: a leader's own morning digest, on or off. */
export const digestSettingSchema = z.strictObject({ digest: z.boolean() });
