/**
 * The levels of the administrative hierarchy, top down. A residential group
 * (居民小组) and a grid (网格) sit at the same level, under a community.
 */
export const ORG_KINDS = ['province', 'city', 'district', 'street', 'community', 'group', 'grid'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

const ALLOWED_PARENT: Record<OrgKind, readonly (OrgKind | null)[]> = {
  province: [null],
  // Municipalities (北京, 上海…) are city-level units directly at the top.
  city: ['province', null],
  district: ['city'],
  street: ['district'],
  community: ['street'],
  group: ['community'],
  grid: ['community'],
};

/** Whether a unit of `kind` may be placed under a parent of `parentKind` (null: at the top). */
export function canNest(kind: OrgKind, parentKind: OrgKind | null): boolean {
  return ALLOWED_PARENT[kind].includes(parentKind);
}

/**
 * How codes are written at each level, as people know them: GB/T 2260 gives
 * six digits to provinces, cities and districts (430000, 430200, 430211); the
 * statistics bureau adds three for a street (430211003) and three more for a
 * community (430211003017). `significant` is the part that identifies the unit
 * and that its children's codes begin with.
 */
const CODE_SHAPE: Partial<Record<OrgKind, { length: number; significant: number }>> = {
  province: { length: 6, significant: 2 },
  city: { length: 6, significant: 4 },
  district: { length: 6, significant: 6 },
  street: { length: 9, significant: 9 },
  community: { length: 12, significant: 12 },
};

/**
 * Normalises a national code: the bureau's files write 430211000000 for the
 * district 430211. Groups and grids have local codes, kept as given.
 */
export function normaliseCode(kind: OrgKind, code: string): string {
  const shape = CODE_SHAPE[kind];
  const trimmed = code.trim();
  if (shape === undefined || !/^\d{12}$/.test(trimmed)) return trimmed;
  return trimmed.slice(0, shape.length);
}

export type CodeProblem = 'codeFormat' | 'codeNotUnderParent';

/**
 * Checks a code against its level and its parent's code. A national code must
 * begin with its parent's code; a local code (group, grid) is letters, digits
 * and hyphens, so it is safe inside a path.
 */
export function checkCode(kind: OrgKind, code: string, parent: { kind: OrgKind; code: string } | null): CodeProblem | null {
  const shape = CODE_SHAPE[kind];
  if (shape === undefined) {
    if (!/^[0-9A-Za-z-]{1,40}$/.test(code)) return 'codeFormat';
    // Local codes are unique nationwide only if they carry their community's code: 430211003017-01.
    return parent && !code.startsWith(`${parent.code}-`) ? 'codeNotUnderParent' : null;
  }
  if (!new RegExp(`^\\d{${shape.length}}$`).test(code)) return 'codeFormat';
  if (shape.length > shape.significant && !code.endsWith('0'.repeat(shape.length - shape.significant))) return 'codeFormat';
  // The unit's own digits (after its parent's) are never all zeros: 430211000 is no street.
  const ownFrom = { province: 0, city: 2, district: 4, street: 6, community: 9 }[kind as 'province'];
  if (/^0+$/.test(code.slice(ownFrom, shape.significant))) return 'codeFormat';
  const parentShape = parent ? CODE_SHAPE[parent.kind] : undefined;
  if (parent && parentShape && !code.startsWith(parent.code.slice(0, parentShape.significant))) return 'codeNotUnderParent';
  return null;
}

/** Guesses the level of a national code from the statistics bureau's files. */
export function kindOfNationalCode(code: string): OrgKind | null {
  const c = code.trim();
  if (!/^\d{2,12}$/.test(c)) return null;
  const full = c.padEnd(12, '0');
  if (full.slice(9) !== '000') return 'community';
  if (full.slice(6, 9) !== '000') return 'street';
  if (full.slice(4, 6) !== '00') return 'district';
  if (full.slice(2, 4) !== '00') return 'city';
  return 'province';
}
