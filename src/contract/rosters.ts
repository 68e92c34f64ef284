import { z } from 'zod';
import { Id, Instant, LocalDate } from './common.ts';
import { EntranceState, InstantInput } from './gates.ts';

/**
 * Duty rosters at checkpoints (排班): each checkpoint's shifts (Asia/Shanghai
 * clock times; 24:00 ends the day) with their minimum staff, people on each
 * shift of each day, a week built by hand or copied from another week, swap
 * requests decided by the lead, check-ins at the gate, who is on duty now
 * and alerts for unstaffed checkpoints.
 */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'validation.shiftTime' });

export const Shift = z.object({ start: ClockTime, end: ClockTime, minimum: z.number().int().min(0).max(50) });
export type Shift = z.infer<typeof Shift>;
export const ShiftsSet = z.object({ shifts: z.array(Shift).min(1, { message: 'validation.required' }).max(12) });

export const Duty = z.object({
  id: Id,
  entranceId: Id,
  day: LocalDate,
  start: ClockTime,
  end: ClockTime,
  userId: Id,
  name: z.string(),
  /** Masked; in full only in the audited sheet for the street. */
  mobile: z.string().nullable(),
  /** When the person checked in at the gate for this duty. */
  checkedInAt: Instant.nullable(),
});
export type Duty = z.infer<typeof Duty>;

export const RosterCheckpoint = z.object({
  entranceId: Id,
  name: z.string(),
  /** The entrance's state at noon of each day of the week (a shift at a sealed entrance is refused). */
  states: z.array(EntranceState),
  shifts: z.array(Shift),
});
export const RosterGap = z.object({ entranceId: Id, day: LocalDate, start: ClockTime, end: ClockTime, minimum: z.number().int(), staffed: z.number().int() });
export type RosterGap = z.infer<typeof RosterGap>;

export const RosterWeek = z.object({
  communityId: Id,
  communityName: z.string(),
  monday: LocalDate,
  days: z.array(LocalDate),
  checkpoints: z.array(RosterCheckpoint),
  duties: z.array(Duty),
  gaps: z.array(RosterGap),
});
export type RosterWeek = z.infer<typeof RosterWeek>;
export const WeekQuery = z.object({ communityId: Id, monday: LocalDate });

export const DutyCreate = z.object({ id: Id.optional(), entranceId: Id, day: LocalDate, start: ClockTime, end: ClockTime, userId: Id });
export const WeekCopy = z.object({ communityId: Id, fromMonday: LocalDate, toMonday: LocalDate });
export const WeekCopied = z.object({
  added: z.number().int(),
  /** Duties of the template week not copied, each with why (already there, two places at once, the entrance no longer a checkpoint…). */
  skipped: z.array(z.object({ entranceId: Id, day: LocalDate, start: ClockTime, userId: Id, name: z.string(), code: z.string(), message: z.string() })),
});

/** The street's shape: one row per checkpoint, day and shift with the names and phones (in full: audited). */
export const RosterSheetRow = z.object({ checkpoint: z.string(), day: LocalDate, start: ClockTime, end: ClockTime, minimum: z.number().int(), people: z.array(z.object({ name: z.string(), mobile: z.string().nullable() })) });
export const RosterSheet = z.object({ communityName: z.string(), streetName: z.string(), monday: LocalDate, rows: z.array(RosterSheetRow) });

/** A street's (or district's) communities with their checkpoints and this week's gaps, to open any roster. */
export const RosterOverviewQuery = z.object({ unitId: Id, monday: LocalDate });
export const RosterOverview = z.array(z.object({ communityId: Id, communityName: z.string(), checkpoints: z.number().int(), duties: z.number().int(), gaps: z.number().int(), unstaffedNow: z.number().int() }));

/* Swaps */

export const SwapStatus = z.enum(['pending', 'approved', 'rejected', 'cancelled']);
export const Swap = z.object({
  id: Id,
  duty: Duty,
  /** Who takes the duty over. */
  toUserId: Id,
  toName: z.string(),
  /** In an exchange, the other person's duty that the requester takes in return. */
  counterDuty: Duty.nullable(),
  reason: z.string(),
  status: SwapStatus,
  requestedByName: z.string(),
  requestedAt: Instant,
  decidedByName: z.string().nullable(),
  decidedAt: Instant.nullable(),
  note: z.string().nullable(),
});
export type Swap = z.infer<typeof Swap>;
export const SwapCreate = z.object({ dutyId: Id, toUserId: Id, counterDutyId: Id.optional(), reason: z.string().trim().min(1, { message: 'validation.required' }).max(200) });
export const SwapQuery = z.object({ communityId: Id, status: SwapStatus.optional() });
export const SwapDecide = z.object({ approve: z.boolean(), note: z.string().trim().max(200).optional() });

/* On duty now, check-ins, alerts */

export const CheckpointNow = z.object({
  entranceId: Id,
  name: z.string(),
  shift: Shift.extend({ day: LocalDate }).nullable(),
  onShift: z.array(z.object({ userId: Id, name: z.string(), checkedInAt: Instant.nullable() })),
  unstaffed: z.boolean(),
});
export const OnDutyNow = z.object({ communityId: Id, at: Instant, checkpoints: z.array(CheckpointNow) });
export type OnDutyNow = z.infer<typeof OnDutyNow>;

/** A check-in from the phone's outbox: its own id, the gate, and when (the phone's clock). */
export const CheckInItem = z.object({ id: Id, entranceId: Id, at: InstantInput });
export const CheckInBatch = z.object({ items: z.array(z.unknown()).min(1).max(100) });

export const DutyAlert = z.object({
  id: Id,
  communityId: Id,
  entranceId: Id,
  entranceName: z.string(),
  day: LocalDate,
  start: ClockTime,
  end: ClockTime,
  minimum: z.number().int(),
  checkedIn: z.number().int(),
  raisedAt: Instant,
  handledAt: Instant.nullable(),
  handledByName: z.string().nullable(),
  note: z.string().nullable(),
});
export type DutyAlert = z.infer<typeof DutyAlert>;
export const DutyAlertsQuery = z.object({ communityId: Id, open: z.stringbool().optional() });
export const DutyAlertHandle = z.object({ note: z.string().trim().min(1, { message: 'validation.required' }).max(200) });

/** A field user's own shifts (any community), soonest first, with swaps that concern them. */
export const MyDuties = z.object({
  duties: z.array(Duty.extend({ communityId: Id, communityName: z.string(), entranceName: z.string() })),
  swaps: z.array(Swap),
});
export const MyDutiesQuery = z.object({ from: LocalDate.optional(), days: z.coerce.number().int().min(1).max(31).optional() });
