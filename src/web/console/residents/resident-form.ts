import type { z } from 'zod';
import type { CategoryEntry, HouseholdTarget as HouseholdTargetSchema } from '../../../contract/ledger.ts';
import type { Category } from '../../../domain/residents/resident-sheet.ts';

export type HouseholdTarget = z.infer<typeof HouseholdTargetSchema>;

/** Categories as a form holds them: the chosen ones, and the disability level apart. */
export interface CategoryValues {
  categories?: Category[];
  disabilityLevel?: number | null;
}

export function toCategoryEntries(v: CategoryValues): CategoryEntry[] {
  return (v.categories ?? []).map((category) =>
    category === 'disabled' && v.disabilityLevel ? { category, level: v.disabilityLevel } : { category },
  );
}

export function fromCategoryEntries(entries: readonly CategoryEntry[]): Required<CategoryValues> {
  return {
    categories: entries.map((c) => c.category),
    disabilityLevel: entries.find((c) => c.category === 'disabled')?.level ?? null,
  };
}

/** Full years on `today` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Phone rule of the API (contract `Phone`): a mobile, or a landline with its area code. */
export const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
