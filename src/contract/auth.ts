import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../domain/access/roles.ts';
import { Id, Locale } from './common.ts';
import { OrgCrumb, OrgKind } from './org.ts';

export const Role = z.enum(ROLES);
export const Permission = z.enum(PERMISSIONS);

export const LoginRequest = z.object({
  username: z.string().trim().min(1, { message: 'validation.required' }).max(64),
  password: z.string().min(1, { message: 'validation.required' }).max(200),
});

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, { message: 'validation.required' }).max(200),
  newPassword: z.string().min(8, { message: 'validation.passwordTooShort' }).max(200),
});

export const MeUpdate = z.object({ locale: Locale });

/** A role held at a unit, with the unit's place in the hierarchy for display. */
export const RoleGrant = z.object({
  assignmentId: Id,
  role: Role,
  unit: z
    .object({ id: Id, name: z.string(), kind: OrgKind, code: z.string(), ancestors: z.array(OrgCrumb) })
    .nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const Me = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  locale: Locale,
  mustChangePassword: z.boolean(),
  roles: z.array(RoleGrant),
  permissions: z.array(Permission),
});
export type Me = z.infer<typeof Me>;
