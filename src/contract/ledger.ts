import { z } from 'zod';
import { CATEGORIES, RELATIONS } from '../domain/residents/resident-sheet.ts';
import { FIGURE_CATEGORIES } from '../domain/residents/figures.ts';
import { Id, Instant, LocalDate } from './common.ts';

export const Relation = z.enum(RELATIONS, { message: 'validation.relation' });
export const Category = z.enum(CATEGORIES, { message: 'validation.category' });
export const FigureCategory = z.enum(FIGURE_CATEGORIES as [string, ...string[]]);
export const ResidentStatus = z.enum(['living', 'moved_out', 'deceased', 'merged']);
export type ResidentStatus = z.infer<typeof ResidentStatus>;
export const Sex = z.enum(['male', 'female'], { message: 'validation.sex' });

export const CategoryEntry = z
  .object({
    category: Category,
    /** Disability certificate level 1–4. */
    level: z.number().int().min(1, { message: 'validation.disabilityLevel' }).max(4, { message: 'validation.disabilityLevel' }).optional(),
  })
  .refine((c) => c.level === undefined || c.category === 'disabled', { message: 'validation.levelOnlyDisabled', path: ['level'] });
export type CategoryEntry = z.infer<typeof CategoryEntry>;

/** A person's categories: each at most once. */
const Categories = z
  .array(CategoryEntry)
  .max(10)
  .superRefine((list, ctx) => {
    list.forEach((c, i) => {
      if (list.findIndex((d) => d.category === c.category) !== i) ctx.addIssue({ code: 'custom', message: 'validation.categoryTwice', path: [i, 'category'] });
    });
  });

/** A contact number: a mobile (13812345678) or a landline with its area code (0731-85551234). */
export const Phone = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s/g, ''))
  .refine((s) => /^1\d{10}$/.test(s) || /^0\d{2,3}-?\d{7,8}$/.test(s), { message: 'validation.phone' });

const Tag = z.string().trim().min(1).max(20, { message: 'validation.tagTooLong' });
const Name = z.string().trim().min(1, { message: 'validation.required' }).max(30, { message: 'validation.tooLong' });
const Address = z.string().trim().min(1, { message: 'validation.required' }).max(60, { message: 'validation.tooLong' });

export const ResidentSummary = z.object({
  id: Id,
  name: z.string(),
  sex: Sex,
  birthDate: LocalDate,
  age: z.number().int(),
  /** First 3 and last 4 characters. */
  idMasked: z.string(),
  /** 138****1234, unless revealed. */
  phoneMasked: z.string().nullable(),
  status: ResidentStatus,
  householdId: Id.nullable(),
  address: z.string().nullable(),
  groupId: Id.nullable(),
  groupName: z.string().nullable(),
  relation: Relation.nullable(),
  categories: z.array(CategoryEntry),
  /** Derived from the birth date: 65 or more today. */
  elderly: z.boolean(),
  tags: z.array(z.string()),
});
export type ResidentSummary = z.infer<typeof ResidentSummary>;

export const ResidentPage = z.object({ items: z.array(ResidentSummary), total: z.number().int() });

export const ResidentListQuery = z.object({
  unitId: Id.optional(),
  q: z.string().max(40).optional(),
  category: FigureCategory.optional(),
  status: ResidentStatus.optional(),
  tag: z.string().max(20).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export type ResidentListQuery = z.infer<typeof ResidentListQuery>;

export const MembershipEntry = z.object({
  householdId: Id,
  address: z.string(),
  groupName: z.string(),
  relation: Relation,
  from: LocalDate,
  to: LocalDate.nullable(),
  endReason: z.string().nullable(),
});

export const CategoryPeriod = CategoryEntry.extend({ from: LocalDate, to: LocalDate.nullable(), foundByVisit: z.boolean() });

export const ResidentDetail = ResidentSummary.extend({
  communityId: Id,
  communityName: z.string(),
  statusSince: LocalDate,
  mergedInto: Id.nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  household: z
    .object({ id: Id, address: z.string(), members: z.array(ResidentSummary) })
    .nullable(),
  memberships: z.array(MembershipEntry),
  categoryHistory: z.array(CategoryPeriod),
  /** What the caller may do with this person. */
  can: z.object({ edit: z.boolean(), reveal: z.boolean(), merge: z.boolean() }),
});
export type ResidentDetail = z.infer<typeof ResidentDetail>;

/** Where a new member lives: an existing household, or a new one at an address in a group. */
export const HouseholdTarget = z.union([
  z.object({ householdId: Id }),
  z.object({ groupId: Id, address: Address }),
]);

export const ResidentCreate = z.object({
  /** Made by the client: a create sent twice is stored once. */
  id: Id.optional(),
  household: HouseholdTarget,
  relation: Relation,
  name: Name,
  idNumber: z.string().trim().min(1, { message: 'validation.required' }).max(30),
  /** Optional: when given they must agree with the ID number. */
  sex: Sex.optional(),
  birthDate: LocalDate.optional(),
  phone: Phone.nullable().optional(),
  categories: Categories.optional(),
  tags: z.array(Tag).max(10).optional(),
  note: z.string().trim().max(500).nullable().optional(),
  /** The day they joined the household; today when absent. */
  since: LocalDate.optional(),
});
export type ResidentCreate = z.infer<typeof ResidentCreate>;

export const ResidentUpdate = z.object({
  version: z.number().int(),
  name: Name.optional(),
  phone: Phone.nullable().optional(),
  relation: Relation.optional(),
  categories: Categories.optional(),
  tags: z.array(Tag).max(10).optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type ResidentUpdate = z.infer<typeof ResidentUpdate>;

export const ResidentMove = z.object({
  version: z.number().int(),
  household: HouseholdTarget,
  relation: Relation,
  on: LocalDate,
});
export type ResidentMove = z.infer<typeof ResidentMove>;

export const ResidentStatusChange = z.object({
  version: z.number().int(),
  status: z.enum(['moved_out', 'deceased']),
  on: LocalDate,
});
export type ResidentStatusChange = z.infer<typeof ResidentStatusChange>;

export const ResidentMerge = z.object({ version: z.number().int(), intoId: Id });

export const RevealedResident = z.object({ idNumber: z.string(), phone: z.string().nullable() });

export const DuplicateGroup = z.object({ name: z.string(), birthDate: LocalDate, residents: z.array(ResidentSummary) });

export const Household = z.object({
  id: Id,
  address: z.string(),
  groupId: Id,
  groupName: z.string(),
  headName: z.string().nullable(),
  members: z.array(ResidentSummary),
});
export type Household = z.infer<typeof Household>;

/* Import */

export const ImportProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const ImportReport = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  invalidRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  newHouseholds: z.number().int(),
  problems: z.array(ImportProblem),
  written: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const ImportQuery = z.object({
  mode: z.enum(['check', 'commit']).default('check'),
  skipInvalid: z.stringbool().optional(),
});

/* Figures */

export const FiguresBlock = z.object({
  groups: z.number().int(),
  households: z.number().int(),
  residents: z.number().int(),
  categories: z.record(z.string(), z.number().int()),
});
export const FiguresAnswer = z.object({
  day: LocalDate,
  unit: z.object({ id: Id, name: z.string(), kind: z.string() }),
  total: FiguresBlock,
  children: z.array(z.object({ id: Id, name: z.string(), kind: z.string(), figures: FiguresBlock })),
});
export type FiguresAnswer = z.infer<typeof FiguresAnswer>;
export const FiguresQuery = z.object({ unitId: Id.optional(), day: LocalDate.optional() });

/* Screening rounds */

export const RoundCreate = z.object({
  id: Id.optional(),
  communityId: Id,
  name: z.string().trim().min(1, { message: 'validation.required' }).max(40, { message: 'validation.tooLong' }),
  /** Groups of the round; all the community's current groups when absent or empty. */
  groupIds: z.array(Id).max(200).optional(),
  startsOn: LocalDate,
  endsOn: LocalDate.nullable().optional(),
});
export type RoundCreate = z.infer<typeof RoundCreate>;

export const RoundSummary = z.object({
  id: Id,
  communityId: Id,
  communityName: z.string(),
  name: z.string(),
  startsOn: LocalDate,
  endsOn: LocalDate.nullable(),
  closed: z.boolean(),
  households: z.number().int(),
  visited: z.number().int(),
  groups: z.array(z.object({ id: Id, name: z.string() })),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const Health = z.object({
  fever: z.boolean(),
  cough: z.boolean(),
  otherSymptoms: z.string().trim().max(100).nullable().optional(),
  /** One decimal, °C, when taken. */
  temperature: z.number().min(34, { message: 'validation.temperature' }).max(43, { message: 'validation.temperature' }).nullable().optional(),
});

export const ArrivalFound = z.object({
  /** Made by the phone: the new resident's id. */
  id: Id,
  name: Name,
  idNumber: z.string().trim().min(1, { message: 'validation.required' }).max(30),
  phone: Phone.nullable().optional(),
  category: z.enum(['outside_worker', 'returnee', 'floating'], { message: 'validation.category' }),
  relation: Relation,
});

export const VisitInput = z.object({
  /** Made by the phone: a visit sent twice is stored once. */
  id: Id,
  roundId: Id,
  householdId: Id,
  visitedAt: z.iso.datetime({ offset: true, message: 'validation.instant' }),
  outcome: z.enum(['visited', 'nobody_home']),
  presentIds: z.array(Id).max(30),
  health: Health,
  arrivals: z.array(ArrivalFound).max(20),
  needs: z.string().trim().max(300).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type VisitInput = z.infer<typeof VisitInput>;

export const VisitBatch = z.object({ visits: z.array(z.unknown()).min(1).max(100) });
export const VisitResult = z.object({
  id: z.string(),
  result: z.enum(['stored', 'already_stored', 'refused']),
  code: z.string().optional(),
  message: z.string().optional(),
  field: z.string().optional(),
});
export type VisitResult = z.infer<typeof VisitResult>;

export const VisitSummary = z.object({
  id: Id,
  householdId: Id,
  address: z.string(),
  groupName: z.string(),
  visitorName: z.string(),
  visitedAt: Instant,
  day: LocalDate,
  outcome: z.enum(['visited', 'nobody_home']),
  present: z.array(z.string()),
  /** Null when the caller's role may not see health answers. */
  health: Health.nullable(),
  arrivals: z.number().int(),
  needs: z.string().nullable(),
  note: z.string().nullable(),
});

export const Coverage = z.object({
  round: RoundSummary,
  byGroup: z.array(z.object({ groupId: Id, groupName: z.string(), households: z.number().int(), visited: z.number().int(), nobodyHome: z.number().int() })),
  byWorker: z.array(z.object({ userId: Id, name: z.string(), visits: z.number().int(), households: z.number().int() })),
  byDay: z.array(z.object({ day: LocalDate, households: z.number().int(), fevers: z.number().int(), registered: z.record(z.string(), z.number().int()) })),
});

export const UnvisitedHousehold = z.object({ id: Id, address: z.string(), groupId: Id, groupName: z.string(), headName: z.string().nullable(), members: z.number().int(), attempts: z.number().int() });

/** What the field app keeps on the phone for offline work: the households of one's groups. */
export const FieldLedger = z.object({
  households: z.array(z.object({
    id: Id,
    address: z.string(),
    groupId: Id,
    groupName: z.string(),
    members: z.array(z.object({
      id: Id,
      name: z.string(),
      initials: z.string(),
      pinyin: z.string(),
      relation: Relation,
      sex: Sex,
      age: z.number().int(),
      idMasked: z.string(),
      phoneMasked: z.string().nullable(),
      categories: z.array(CategoryEntry),
      elderly: z.boolean(),
    })),
  })),
  rounds: z.array(RoundSummary),
  /** Households already visited in each open round. */
  visited: z.record(z.string(), z.array(Id)),
  /** Households where each open round's visits found nobody at home so far: still to visit, but tried. */
  away: z.record(z.string(), z.array(Id)),
  at: Instant,
});
export type FieldLedger = z.infer<typeof FieldLedger>;
