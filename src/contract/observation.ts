import { z } from 'zod';
import { isClockTime, LONGEST_PLAN_DAYS } from '../domain/observation/schedule.ts';
import { Id, Instant, LocalDate, Mobile } from './common.ts';
import { InstantInput, Temperature } from './gates.ts';
import { Phone } from './ledger.ts';

/**
 * Outside personnel and returnees (外来人员 / 返乡人员): arrivals registered by
 * staff or declared by the person through a public page (reviewed before they
 * count), commitment letters signed on screen, observation plans whose checks
 * Linli makes due, readings sent from phones (offline first, ids made by the
 * phone), alerts for fevers and overdue checks, groups (a company's batch, a
 * convoy), and the day's figures.
 */
export const ArrivalCategory = z.enum(['outside', 'returnee'], { message: 'validation.arrivalCategory' });
export const TransportKind = z.enum(['train', 'flight', 'vehicle', 'bus', 'other'], { message: 'validation.transportKind' });
export const StayKind = z.enum(['household', 'workplace', 'other'], { message: 'validation.stayKind' });
export const PlanKind = z.enum(['home', 'centralised', 'workplace'], { message: 'validation.planKind' });
export const GroupKind = z.enum(['batch', 'convoy'], { message: 'validation.groupKind' });
export const CheckKind = z.enum(['temperature', 'test']);
export const CheckState = z.enum(['upcoming', 'due', 'overdue', 'done']);
export const TestResult = z.enum(['negative', 'positive', 'pending'], { message: 'validation.testResult' });
export const ReleaseOutcome = z.enum(['completed', 'transferred'], { message: 'validation.releaseOutcome' });
export const DeclarationStatus = z.enum(['pending', 'approved', 'rejected']);
export const ObservationAlertKind = z.enum(['fever', 'overdue', 'positive']);

const Text = (max: number) => z.string().trim().min(1, { message: 'validation.required' }).max(max, { message: 'validation.tooLong' });
const OptionalText = (max: number) => z.string().trim().max(max, { message: 'validation.tooLong' }).optional();
const ClockTime = z.string().refine(isClockTime, { message: 'validation.clockTime' });
const IdNumber = z.string().trim().min(1, { message: 'validation.required' }).max(30, { message: 'validation.tooLong' });
/** A county-level division code (6 digits, from the division data); the server checks it exists. */
export const OriginCode = z.string().regex(/^\d{6}$/, { message: 'validation.origin' });

/** What a person tells about their arrival, whoever writes it down. */
const ArrivalFields = {
  category: ArrivalCategory,
  name: Text(40),
  idNumber: IdNumber,
  phone: Phone,
  originCode: OriginCode,
  /** The way they came (武汉—长沙—株洲), free text. */
  route: OptionalText(200),
  arrivedOn: LocalDate,
  transportKind: TransportKind,
  /** Train number, flight or vehicle plate. */
  transportRef: OptionalText(40),
  stayKind: StayKind,
  /** The ledger's household they stay with (stayKind household). */
  householdId: Id.optional(),
  /** The address or workplace (the industrial park's dormitory). */
  stayPlace: OptionalText(200),
  employer: OptionalText(100),
  reason: OptionalText(200),
  /** Symptoms in words; empty when none. */
  symptoms: OptionalText(200),
  temperature: Temperature.optional(),
  lastTestOn: LocalDate.optional(),
};

export const PlanInput = z.object({
  kind: PlanKind,
  /** Where it is kept: the home's address, the hotel, the industrial park. */
  place: OptionalText(200),
  /** Defaults to now. */
  startAt: InstantInput.optional(),
  /** Its length (7, 14…), or the last day of observation instead. */
  days: z.number().int({ message: 'validation.planDays' }).min(1, { message: 'validation.planDays' }).max(LONGEST_PLAN_DAYS, { message: 'validation.planDays' }).optional(),
  lastDay: LocalDate.optional(),
  temperatureTimes: z.array(ClockTime).max(6, { message: 'validation.tooMany' }),
  testDays: z.array(z.number().int().min(1, { message: 'validation.testDay' })).max(LONGEST_PLAN_DAYS),
  testTime: ClockTime.optional(),
  /** The worker who takes the readings (a user of the community who may record checks). */
  workerId: Id,
  /**
   * A plan started before it is entered (observed on paper since the arrival): also make the checks between the start and now
   * due, so their readings can be entered late; those never entered become overdue. Otherwise only checks from now on are made.
   */
  pastChecks: z.boolean().optional(),
});
export type PlanInput = z.infer<typeof PlanInput>;

export const ArrivalCreate = z.object({
  /** Made by the client once per form: a registration sent twice is stored once. */
  id: Id,
  communityId: Id,
  ...ArrivalFields,
  groupId: Id.optional(),
  plan: PlanInput.optional(),
});
export type ArrivalCreate = z.infer<typeof ArrivalCreate>;

export const ArrivalQuery = z.object({
  communityId: Id,
  status: z.enum(['observing', 'released', 'none', 'all']).default('all'),
  q: z.string().trim().max(40).optional(),
  groupId: Id.optional(),
});

export const Plan = z.object({
  id: Id,
  arrivalId: Id,
  kind: PlanKind,
  place: z.string().nullable(),
  startAt: Instant,
  startDay: LocalDate,
  days: z.number().int(),
  releaseDay: LocalDate,
  temperatureTimes: z.array(z.string()),
  testDays: z.array(z.number().int()),
  testTime: z.string(),
  workerId: Id,
  workerName: z.string(),
  releasedAt: Instant.nullable(),
  releasedByName: z.string().nullable(),
  releaseOutcome: ReleaseOutcome.nullable(),
  releaseNote: z.string().nullable(),
  checksDone: z.number().int(),
  checksTotal: z.number().int(),
  checksOverdue: z.number().int(),
});
export type Plan = z.infer<typeof Plan>;

export const ArrivalSummary = z.object({
  id: Id,
  communityId: Id,
  category: ArrivalCategory,
  name: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  origin: z.string(),
  arrivedOn: LocalDate,
  transportKind: TransportKind,
  transportRef: z.string().nullable(),
  stayKind: StayKind,
  stayPlace: z.string().nullable(),
  employer: z.string().nullable(),
  groupId: Id.nullable(),
  groupName: z.string().nullable(),
  source: z.enum(['staff', 'self']),
  registeredAt: Instant,
  /** The open or last plan. */
  plan: Plan.nullable(),
  letterSigned: z.boolean(),
});
export type ArrivalSummary = z.infer<typeof ArrivalSummary>;

export const Check = z.object({
  id: Id,
  planId: Id,
  arrivalId: Id,
  name: z.string(),
  place: z.string().nullable(),
  groupName: z.string().nullable(),
  kind: CheckKind,
  day: LocalDate,
  dayNumber: z.number().int(),
  dueAt: Instant,
  overdueAt: Instant,
  state: CheckState,
  doneAt: Instant.nullable(),
  late: z.boolean(),
  temperature: z.number().nullable(),
  testResult: TestResult.nullable(),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  workerId: Id,
});
export type Check = z.infer<typeof Check>;

export const ArrivalDetail = ArrivalSummary.extend({
  originCode: z.string(),
  route: z.string().nullable(),
  householdId: Id.nullable(),
  householdAddress: z.string().nullable(),
  reason: z.string().nullable(),
  symptoms: z.string().nullable(),
  temperature: z.number().nullable(),
  lastTestOn: LocalDate.nullable(),
  registeredByName: z.string().nullable(),
  declarationId: Id.nullable(),
  plans: z.array(Plan),
  checks: z.array(Check),
  letterId: Id.nullable(),
});
export type ArrivalDetail = z.infer<typeof ArrivalDetail>;

export const Revealed = z.object({ idNumber: z.string(), phone: z.string() });

export const ReleaseInput = z.object({ outcome: ReleaseOutcome, note: OptionalText(200) });

/* Checks: lists and readings from phones */
export const CheckListQuery = z.object({
  /** Mine: the checks the signed-in worker answers for; otherwise a community's. */
  communityId: Id.optional(),
  workerId: Id.optional(),
  /** due: today's not yet done; overdue: every open plan's missed checks; done: done today. */
  list: z.enum(['due', 'overdue', 'done']),
  day: LocalDate.optional(),
});

export const CheckReadingInput = z.object({
  /** Made by the phone: a reading sent twice is stored once. */
  id: Id,
  checkId: Id,
  at: InstantInput,
  temperature: Temperature.optional(),
  testResult: TestResult.optional(),
  note: OptionalText(200),
});
export type CheckReadingInput = z.infer<typeof CheckReadingInput>;
export const CheckReadingBatch = z.object({ items: z.array(z.unknown()).min(1).max(500, { message: 'validation.tooMany' }) });

/* Commitment letters */
export const LetterTemplate = z.object({ communityId: Id, title: z.string(), body: z.string(), isDefault: z.boolean(), updatedAt: Instant.nullable() });
export const LetterTemplateEdit = z.object({ title: Text(60), body: Text(5000) });
/** A PNG of the signature drawn with a finger, as a data URL (at most ~200 KB). */
export const SignatureImage = z.string().regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { message: 'validation.signature' }).max(280_000, { message: 'validation.signature' });
export const LetterSign = z.object({
  signature: SignatureImage,
  signedAt: InstantInput.optional(),
  /** The letter as the phone showed it: signing is refused if the text to be kept is not what the person read. */
  shown: z.object({ title: z.string(), body: z.string() }),
});
export const Letter = z.object({
  id: Id,
  arrivalId: Id,
  communityName: z.string(),
  name: z.string(),
  idMasked: z.string(),
  title: z.string(),
  body: z.string(),
  signature: z.string(),
  signedAt: Instant,
  witnessedByName: z.string(),
  /** SHA-256 of what was signed (text, signature, time): printed on the page, so a changed copy shows. */
  digest: z.string(),
});

/* Groups: a company's batch, a convoy */
export const GroupMemberInput = z.object({
  name: Text(40),
  idNumber: IdNumber,
  phone: Phone,
  /** A truck's plate; for a batch the shared transport is on the group. */
  transportRef: OptionalText(40),
  temperature: Temperature.optional(),
});
export const GroupCreate = z.object({
  /** Made by the client once per form, as for an arrival. */
  id: Id,
  communityId: Id,
  kind: GroupKind,
  name: Text(60),
  category: ArrivalCategory,
  originCode: OriginCode,
  route: OptionalText(200),
  arrivedOn: LocalDate,
  transportKind: TransportKind,
  transportRef: OptionalText(40),
  stayKind: StayKind,
  stayPlace: OptionalText(200),
  employer: OptionalText(100),
  reason: OptionalText(200),
  members: z.array(GroupMemberInput).min(1, { message: 'validation.required' }).max(200, { message: 'validation.tooMany' }),
  plan: PlanInput.optional(),
});
export const Group = z.object({
  id: Id,
  communityId: Id,
  kind: GroupKind,
  name: z.string(),
  employer: z.string().nullable(),
  origin: z.string(),
  arrivedOn: LocalDate,
  transportKind: TransportKind,
  transportRef: z.string().nullable(),
  stayPlace: z.string().nullable(),
  members: z.array(ArrivalSummary),
  /** Today's checks of every member. */
  today: z.array(Check),
});

/* Self-declaration (public) and its review */
export const DeclarationInput = z.object({
  ...ArrivalFields,
  phone: Mobile,
  householdId: z.undefined().optional(),
  /** The declared address when staying with a household; staff match it to the ledger. */
  consent: z.literal(true, { message: 'validation.consent' }),
});
export const DeclarationPage = z.object({ communityName: z.string(), streetName: z.string().nullable() });
export const DeclarationReceipt = z.object({ reference: z.string(), receivedAt: Instant });
export const Declaration = z.object({
  id: Id,
  reference: z.string(),
  status: DeclarationStatus,
  category: ArrivalCategory,
  name: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  origin: z.string(),
  arrivedOn: LocalDate,
  transportKind: TransportKind,
  transportRef: z.string().nullable(),
  stayKind: StayKind,
  stayPlace: z.string().nullable(),
  employer: z.string().nullable(),
  reason: z.string().nullable(),
  symptoms: z.string().nullable(),
  temperature: z.number().nullable(),
  lastTestOn: LocalDate.nullable(),
  receivedAt: Instant,
  /** Declarations sent again (same ID number and phone) while this one waited. */
  repeats: z.number().int(),
  /** Other declarations waiting with the same ID number but another phone: someone else may be using this person's number. */
  conflicting: z.number().int(),
  reviewedByName: z.string().nullable(),
  reviewedAt: Instant.nullable(),
  reviewNote: z.string().nullable(),
  arrivalId: Id.nullable(),
});
export const DeclarationQuery = z.object({
  communityId: Id,
  status: DeclarationStatus.default('pending'),
  /** Keyset paging (the previous page's `nextCursor`): the queue stays quick to read however long it is. */
  before: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\|[0-9a-f-]{36}$/, { message: 'validation.cursor' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const DeclarationApprove = z.object({ householdId: Id.optional(), stayPlace: OptionalText(200), plan: PlanInput.optional() });
export const DeclarationReject = z.object({ note: Text(200) });

/* Alerts and figures */
export const ObservationAlert = z.object({
  id: Id,
  communityId: Id,
  kind: ObservationAlertKind,
  arrivalId: Id,
  name: z.string(),
  checkId: Id.nullable(),
  dueAt: Instant.nullable(),
  temperature: z.number().nullable(),
  workerName: z.string(),
  raisedAt: Instant,
  handledAt: Instant.nullable(),
  handledByName: z.string().nullable(),
  note: z.string().nullable(),
});
/** `open=true` for the alerts not yet handled (a query string's "false" is not true). */
export const AlertsQuery = z.object({ communityId: Id, open: z.enum(['true', 'false']).transform((v) => v === 'true').optional() });
export const AlertHandle = z.object({ note: Text(200) });

export const ObservationFigures = z.object({
  orgId: Id,
  day: LocalDate,
  registered: z.object({ outside: z.number().int(), returnee: z.number().int() }),
  observing: z.number().int(),
  released: z.number().int(),
  checksDue: z.number().int(),
  checksDone: z.number().int(),
  checksOverdue: z.number().int(),
  fevers: z.number().int(),
  pendingDeclarations: z.number().int(),
});
export const FiguresQuery = z.object({ orgId: Id, day: LocalDate.optional() });

export const Worker = z.object({ userId: Id, name: z.string() });
