import { z } from 'zod';
import { ENTRANCE_STATES } from '../domain/gates/entrance-state.ts';
import { PASS_REFUSALS, PASSAGE_REFUSALS } from '../domain/gates/pass-verdict.ts';
import { Id, Instant, LocalDate } from './common.ts';
import { Phone } from './ledger.ts';

/**
 * Entrances and checkpoints (出入口与卡点): entrance states with planned
 * changes, signed resident passes, gate registrations from phones (offline
 * first, sent in batches with ids the phone made), fever alerts, patrols and
 * the live gate view.
 */
export const EntranceState = z.enum(ENTRANCE_STATES, { message: 'validation.entranceState' });
export const PassRefusal = z.enum(PASS_REFUSALS);
export const PassageRefusal = z.enum(PASSAGE_REFUSALS);
export const Direction = z.enum(['in', 'out'], { message: 'validation.direction' });
/** The health code's colour as the person shows it; none when they have no phone. */
export const HealthCode = z.enum(['green', 'yellow', 'red', 'none'], { message: 'validation.healthCode' });
export const PassStatus = z.enum(['active', 'suspended', 'revoked']);
export const HolderKind = z.enum(['household', 'resident']);

const Text = (max: number) => z.string().trim().min(1, { message: 'validation.required' }).max(max, { message: 'validation.tooLong' });
const OptionalText = (max: number) => z.string().trim().max(max, { message: 'validation.tooLong' }).optional();
/** An instant sent by a phone: ISO 8601 with its offset, so no server reads it in its own zone. */
export const InstantInput = z.iso.datetime({ offset: true, message: 'validation.instant' });
/** A thermometer reading; the range check (34.0–43.0, a misreading otherwise) is the server's, with its own message. */
export const Temperature = z.number({ message: 'validation.temperature' });

export const StateChange = z.object({
  id: Id,
  entranceId: Id,
  state: EntranceState,
  effectiveAt: Instant,
  decidedByName: z.string(),
  decidedAt: Instant,
  note: z.string().nullable(),
  cancelledAt: Instant.nullable(),
  cancelledByName: z.string().nullable(),
});
export type StateChange = z.infer<typeof StateChange>;

export const Assignee = z.object({ userId: Id, name: z.string() });

export const Entrance = z.object({
  id: Id,
  communityId: Id,
  communityName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  state: EntranceState,
  /** The change that made the current state, null for an entrance never changed (open). */
  since: StateChange.nullable(),
  /** Changes decided for later, soonest first. */
  planned: z.array(StateChange),
  assignees: z.array(Assignee),
});
export type Entrance = z.infer<typeof Entrance>;

export const EntranceCreate = z.object({
  communityId: Id,
  name: Text(30),
  description: OptionalText(200),
  state: EntranceState.optional(),
});
export const EntranceEdit = z.object({ name: Text(30).optional(), description: OptionalText(200).nullable(), sortOrder: z.number().int().min(0).max(999).optional() });

/** "Seal these 14 from 07:00 tomorrow": one decision for several entrances; no time means now. */
export const ChangePlan = z.object({
  entranceIds: z.array(Id).min(1).max(200),
  state: EntranceState,
  effectiveAt: InstantInput.optional(),
  note: OptionalText(200),
});
export type ChangePlan = z.infer<typeof ChangePlan>;

export const AssigneesSet = z.object({ userIds: z.array(Id).max(100) });
export const AssignableUser = z.object({ userId: Id, name: z.string(), roles: z.array(z.string()) });

/* Passes */

export const PassSummary = z.object({
  id: Id,
  communityId: Id,
  holderKind: HolderKind,
  holderId: Id,
  /** The holder's name (the head's for a household). */
  holderName: z.string(),
  groupName: z.string(),
  address: z.string().nullable(),
  idMasked: z.string().nullable(),
  /** People of the household the pass covers (1 for a resident's pass). */
  people: z.number().int(),
  validFrom: LocalDate,
  validTo: LocalDate,
  status: PassStatus,
  statusReason: z.string().nullable(),
  issuedAt: Instant,
});
export type PassSummary = z.infer<typeof PassSummary>;

export const PassListQuery = z.object({
  communityId: Id,
  groupId: Id.optional(),
  status: PassStatus.optional(),
  q: z.string().max(30).optional(),
});

export const PassIssue = z
  .object({
    communityId: Id,
    holderKind: HolderKind,
    /** Whole groups (every household or living resident), or chosen holders. */
    groupIds: z.array(Id).max(100).optional(),
    holderIds: z.array(Id).max(5000).optional(),
    validFrom: LocalDate,
    validTo: LocalDate,
  })
  .refine((p) => (p.groupIds?.length ?? 0) + (p.holderIds?.length ?? 0) > 0, { message: 'validation.required', path: ['groupIds'] });
export type PassIssue = z.infer<typeof PassIssue>;
export const PassIssueResult = z.object({ issued: z.number().int(), alreadyHeld: z.number().int() });

export const PassStatusChange = z.object({ status: PassStatus, reason: OptionalText(100) });

/** What a printed card shows; the token goes into the QR code. */
export const PassCard = PassSummary.extend({ token: z.string(), communityName: z.string() });
export type PassCard = z.infer<typeof PassCard>;
export const PassCardQuery = z.object({ communityId: Id, ids: z.string().max(40_000).optional(), groupId: Id.optional() });

/* What a gate phone keeps for offline work */

export const FieldGate = z.object({
  communities: z.array(z.object({
    id: Id,
    code: z.string(),
    name: z.string(),
    /** Public keys by key id, raw Ed25519 as base64url. */
    keys: z.record(z.string(), z.string()),
    revoked: z.array(Id),
    suspended: z.array(Id),
  })),
  /** The entrances this user may register at (all of the community's for its lead). */
  entrances: z.array(Entrance),
  patrolGroups: z.array(z.object({ id: Id, communityId: Id, name: z.string(), zones: z.array(z.object({ id: Id, name: z.string() })) })),
  /** Whether this user receives the community's fever alerts. */
  receivesAlerts: z.boolean(),
  syncedAt: Instant,
});
export type FieldGate = z.infer<typeof FieldGate>;

/* Registrations at a gate */

export const VisitorInput = z
  .object({
    name: Text(30),
    idNumber: z.string().trim().toUpperCase().max(18).optional(),
    phone: Phone.optional(),
    fromPlace: Text(60),
    purpose: Text(60),
    visiting: OptionalText(60),
  })
  .refine((v) => Boolean(v.idNumber) || Boolean(v.phone), { message: 'validation.idOrPhone', path: ['idNumber'] });
export type VisitorInput = z.infer<typeof VisitorInput>;

export const PassageInput = z
  .object({
    /** Made by the phone (UUID), so a registration sent twice is stored once. */
    id: Id,
    entranceId: Id,
    at: InstantInput,
    direction: Direction,
    kind: z.enum(['pass', 'visitor']),
    /** The scanned text, for a pass. */
    token: z.string().max(1000).optional(),
    /** What the phone showed (for a pass), kept beside the server's own check. */
    deviceVerdict: z.object({ allowed: z.boolean(), reason: PassageRefusal.optional() }).optional(),
    temperature: Temperature.optional(),
    healthCode: HealthCode.optional(),
    visitor: VisitorInput.optional(),
  })
  .refine((p) => p.kind !== 'pass' || Boolean(p.token), { message: 'validation.required', path: ['token'] })
  .refine((p) => p.kind !== 'visitor' || Boolean(p.visitor), { message: 'validation.required', path: ['visitor'] });
export type PassageInput = z.infer<typeof PassageInput>;

/** Items are checked one by one, so one bad registration does not hold back the others. */
export const PassageBatch = z.object({ items: z.array(z.unknown()).min(1).max(500) });
export const ItemResult = z.object({
  id: z.string(),
  result: z.enum(['stored', 'already_stored', 'refused']),
  code: z.string().optional(),
  message: z.string().optional(),
  field: z.string().optional(),
  /** For a stored pass scan: the server's verdict (it may differ from an offline phone's). */
  allowed: z.boolean().optional(),
  reason: PassageRefusal.optional(),
  /** A fever alert was raised. */
  alert: z.boolean().optional(),
});
export type ItemResult = z.infer<typeof ItemResult>;

export const VisitorLookupQuery = z.object({ communityId: Id, idNumber: z.string().max(18).optional(), phone: z.string().max(20).optional() });
export const VisitorFound = z.object({
  id: Id,
  name: z.string(),
  idMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  fromPlace: z.string(),
  lastPurpose: z.string().nullable(),
  lastVisiting: z.string().nullable(),
  lastSeenAt: Instant,
  visits: z.number().int(),
});
export const VisitorLookup = z.object({ visitor: VisitorFound.nullable() });

/* The register, alerts and the live view */

export const PassageRow = z.object({
  id: Id,
  entranceId: Id,
  entranceName: z.string(),
  at: Instant,
  direction: Direction,
  kind: z.enum(['pass', 'visitor']),
  allowed: z.boolean(),
  reason: PassageRefusal.nullable(),
  /** An offline phone let someone through whose pass the server knew to be revoked, or the reverse. */
  deviceDisagreed: z.boolean(),
  /** The pass holder's or the visitor's name. */
  name: z.string(),
  label: z.string().nullable(),
  idMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  fromPlace: z.string().nullable(),
  purpose: z.string().nullable(),
  visiting: z.string().nullable(),
  temperature: z.number().nullable(),
  healthCode: HealthCode.nullable(),
  fever: z.boolean(),
  recordedByName: z.string(),
});
export type PassageRow = z.infer<typeof PassageRow>;
export const RegisterQuery = z.object({ communityId: Id, entranceId: Id.optional(), day: LocalDate.optional() });

export const Alert = z.object({
  id: Id,
  communityId: Id,
  entranceId: Id.nullable(),
  /** Where: the entrance's or the patrol zone's name. */
  place: z.string(),
  source: z.enum(['passage', 'patrol']),
  name: z.string(),
  temperature: z.number(),
  raisedAt: Instant,
  recordedByName: z.string(),
  handledAt: Instant.nullable(),
  handledByName: z.string().nullable(),
  note: z.string().nullable(),
});
export type Alert = z.infer<typeof Alert>;
export const AlertQuery = z.object({ communityId: Id.optional(), open: z.enum(['true', 'false']).optional(), day: LocalDate.optional() });
export const AlertHandle = z.object({ note: Text(200) });

export const LiveEntrance = z.object({
  id: Id,
  name: z.string(),
  state: EntranceState,
  /** Passages let through per hour of the day (0–23, Asia/Shanghai). */
  hours: z.array(z.number().int()),
  in: z.number().int(),
  out: z.number().int(),
  refused: z.number().int(),
  visitors: z.number().int(),
  /** Visitors who came in today and have not been registered going out. */
  visitorsInside: z.number().int(),
  fevers: z.number().int(),
  openAlerts: z.number().int(),
});
export const LiveGateView = z.object({
  communityId: Id,
  communityName: z.string(),
  day: LocalDate,
  generatedAt: Instant,
  entrances: z.array(LiveEntrance),
  totals: LiveEntrance.omit({ id: true, name: true, state: true }).extend({ checkpoints: z.number().int(), sealed: z.number().int(), open: z.number().int() }),
  /** Unhandled fever alerts, newest first (for those who receive them). */
  alerts: z.array(Alert),
});
export type LiveGateView = z.infer<typeof LiveGateView>;
export const LiveQuery = z.object({ communityId: Id, day: LocalDate.optional() });

/* Patrols (流动巡查) */

export const PatrolZone = z.object({ id: Id, communityId: Id, name: z.string(), description: z.string().nullable() });
export const PatrolZoneCreate = z.object({ communityId: Id, name: Text(20), description: OptionalText(200) });
export const PatrolGroup = z.object({
  id: Id,
  communityId: Id,
  name: z.string(),
  zones: z.array(z.object({ id: Id, name: z.string() })),
  members: z.array(Assignee),
});
export const PatrolGroupCreate = z.object({ communityId: Id, name: Text(30), zoneIds: z.array(Id).min(1).max(20), memberIds: z.array(Id).max(50) });

export const PatrolReading = z.object({ temperature: Temperature, healthCode: HealthCode.optional(), name: OptionalText(30) });
export const PatrolRoundInput = z.object({
  id: Id,
  groupId: Id,
  zoneId: Id,
  startedAt: InstantInput,
  endedAt: InstantInput,
  /** People checked, each with a reading; people only counted (no reading) go in `checkedWithoutReading`. */
  readings: z.array(PatrolReading).max(500),
  checkedWithoutReading: z.number().int().min(0).max(5000).optional(),
  remindersMasks: z.number().int().min(0).max(5000),
  remindersGatherings: z.number().int().min(0).max(5000),
  incidents: OptionalText(500),
});
export type PatrolRoundInput = z.infer<typeof PatrolRoundInput>;
export const PatrolBatch = z.object({ items: z.array(z.unknown()).min(1).max(200) });

export const PatrolRoundRow = z.object({
  id: Id,
  groupName: z.string(),
  zoneId: Id,
  zoneName: z.string(),
  startedAt: Instant,
  endedAt: Instant,
  checked: z.number().int(),
  fevers: z.number().int(),
  remindersMasks: z.number().int(),
  remindersGatherings: z.number().int(),
  incidents: z.string().nullable(),
  recordedByName: z.string(),
});
export const PatrolCoverage = z.object({
  day: LocalDate,
  zones: z.array(z.object({
    id: Id,
    name: z.string(),
    /** Patrol rounds under way in each hour (0–23, Asia/Shanghai). */
    hours: z.array(z.number().int()),
    rounds: z.number().int(),
    checked: z.number().int(),
    fevers: z.number().int(),
    lastAt: Instant.nullable(),
  })),
  rounds: z.array(PatrolRoundRow),
});
export const PatrolCoverageQuery = z.object({ communityId: Id, day: LocalDate.optional() });
