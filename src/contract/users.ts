import { z } from 'zod';
import { Id, Instant, Locale, Mobile } from './common.ts';
import { RoleGrant, Role } from './auth.ts';

export const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, { message: 'validation.username' })
  // A username of digits only could be someone's mobile number, which also signs in.
  .regex(/[A-Za-z]/, { message: 'validation.username' });

export const UserSummary = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  /** Masked (138****1234) unless revealed through the audited endpoint. */
  mobile: z.string().nullable(),
  locale: Locale,
  disabled: z.boolean(),
  /** The roles inside the caller's area. */
  roles: z.array(RoleGrant),
  /** How many roles the user holds elsewhere (not shown). */
  otherRoleCount: z.number().int(),
  /** False when the user also holds roles outside the caller's area, or administers at the caller's own level. */
  manageable: z.boolean(),
  createdAt: Instant,
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListQuery = z.object({
  unitId: Id.optional(),
  q: z.string().max(50).optional(),
  includeDisabled: z.stringbool().optional(),
});

export const RoleAssign = z.object({ role: Role, unitId: Id.nullable() });
export type RoleAssign = z.infer<typeof RoleAssign>;

export const UserCreate = z.object({
  id: Id.optional(),
  username: Username,
  displayName: z.string().trim().min(1, { message: 'validation.required' }).max(50),
  mobile: Mobile.nullable().optional(),
  locale: Locale.optional(),
  roles: z.array(RoleAssign).min(1, { message: 'validation.roleRequired' }),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.object({
  displayName: z.string().trim().min(1, { message: 'validation.required' }).max(50).optional(),
  mobile: Mobile.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

/** A new user or a reset: the one-time password is shown once, never stored in clear. */
export const UserWithPassword = z.object({ user: UserSummary, oneTimePassword: z.string() });

export const Revealed = z.object({ field: z.literal('mobile'), value: z.string().nullable() });
