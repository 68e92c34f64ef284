import { z } from 'zod';
import { ORG_KINDS } from '../domain/org/org-kinds.ts';
import { Id, LocalDate } from './common.ts';

export const OrgKind = z.enum(ORG_KINDS);

export const OrgUnit = z.object({
  id: Id,
  parentId: Id.nullable(),
  kind: OrgKind,
  code: z.string(),
  name: z.string(),
  path: z.string(),
  validFrom: LocalDate,
  validTo: LocalDate.nullable(),
  current: z.boolean(),
  /** Current children only. */
  childCount: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgCrumb = z.object({ id: Id, name: z.string(), kind: OrgKind, code: z.string() });
export type OrgCrumb = z.infer<typeof OrgCrumb>;

export const OrgUnitDetail = OrgUnit.extend({
  ancestors: z.array(OrgCrumb),
  /** May add units under this one. */
  canManage: z.boolean(),
  /** May rename, re-date, dissolve or restore this unit (it is managed from above). */
  canEdit: z.boolean(),
});
export type OrgUnitDetail = z.infer<typeof OrgUnitDetail>;

export const OrgListQuery = z.object({
  parentId: Id.optional(),
  includeDissolved: z.stringbool().optional(),
  q: z.string().max(50).optional(),
});

export const OrgUnitCreate = z.object({
  /** A client-made id makes a retried create harmless. */
  id: Id.optional(),
  parentId: Id.nullable(),
  kind: OrgKind,
  code: z.string().trim().min(1, { message: 'validation.required' }).max(40),
  name: z.string().trim().min(1, { message: 'validation.required' }).max(100),
  validFrom: LocalDate.optional(),
});
export type OrgUnitCreate = z.infer<typeof OrgUnitCreate>;

export const OrgUnitUpdate = z
  .object({
    name: z.string().trim().min(1, { message: 'validation.required' }).max(100).optional(),
    validFrom: LocalDate.optional(),
    /** Setting it dissolves the unit from that day; null restores it. */
    validTo: LocalDate.nullable().optional(),
  })
  .refine((u) => !(u.validFrom && u.validTo && u.validTo <= u.validFrom), {
    message: 'validation.validToBeforeFrom',
    path: ['validTo'],
  });
export type OrgUnitUpdate = z.infer<typeof OrgUnitUpdate>;

export const OrgImportRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const OrgImportReport = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(OrgImportRowError),
});
export type OrgImportReport = z.infer<typeof OrgImportReport>;
