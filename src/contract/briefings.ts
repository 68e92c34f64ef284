import { z } from 'zod';
import { Id, Instant, LocalDate } from './common.ts';
import { InstantInput } from './gates.ts';

/**
 * The morning briefing (晨会): the lead writes the day's tasks and assigns
 * them to people or to a work team; they appear in the field app to be
 * ticked off with a note. Hazards (a rainstorm, a flooding ditch) are logged
 * with updates until closed. The day's briefing and its completion are kept.
 */
const Text = (max: number) => z.string().trim().min(1, { message: 'validation.required' }).max(max, { message: 'validation.tooLong' });

export const TaskAssignee = z.union([z.object({ userId: Id }), z.object({ teamId: Id })]);
export const TaskCreate = z.object({
  id: Id.optional(),
  communityId: Id,
  day: LocalDate,
  text: Text(300),
  /** Where, when it is about residential groups ("visit the elderly living alone in group 5"). */
  groupIds: z.array(Id).max(50).optional(),
  assignees: z.array(TaskAssignee).min(1, { message: 'validation.assigneeRequired' }).max(50),
});
export const TaskEdit = z.object({ text: Text(300).optional(), cancelled: z.boolean().optional() });

export const Task = z.object({
  id: Id,
  communityId: Id,
  day: LocalDate,
  text: z.string(),
  groups: z.array(z.object({ id: Id, name: z.string() })),
  assignees: z.array(z.object({ userId: Id.nullable(), teamId: Id.nullable(), name: z.string() })),
  doneAt: Instant.nullable(),
  doneByName: z.string().nullable(),
  doneNote: z.string().nullable(),
  cancelledAt: Instant.nullable(),
  createdByName: z.string(),
  createdAt: Instant,
});
export type Task = z.infer<typeof Task>;

/** Ticked off on the phone (offline first): the phone's id for the tick, the task, a note, when. */
export const TaskDoneItem = z.object({ id: Id, taskId: Id, note: z.string().trim().max(300, { message: 'validation.tooLong' }).optional(), at: InstantInput });
export const TaskDoneBatch = z.object({ items: z.array(z.unknown()).min(1).max(100) });

export const HazardKind = z.enum(['rainstorm', 'flooding', 'wind', 'heat', 'fire', 'structure', 'other'], { message: 'validation.hazardKind' });
export const HazardCreate = z.object({ id: Id.optional(), communityId: Id, kind: HazardKind, place: Text(100), description: Text(300) });
export const HazardUpdate = z.object({ note: Text(300), close: z.boolean().optional() });
export const Hazard = z.object({
  id: Id,
  communityId: Id,
  kind: HazardKind,
  place: z.string(),
  description: z.string(),
  reportedByName: z.string(),
  reportedAt: Instant,
  closedAt: Instant.nullable(),
  updates: z.array(z.object({ at: Instant, byName: z.string(), note: z.string(), closed: z.boolean() })),
});
export type Hazard = z.infer<typeof Hazard>;
export const HazardQuery = z.object({ communityId: Id, open: z.stringbool().optional() });

export const Briefing = z.object({
  communityId: Id,
  communityName: z.string(),
  day: LocalDate,
  /** The lead's notes of the meeting; null before it is written. */
  notes: z.string().nullable(),
  writtenByName: z.string().nullable(),
  updatedAt: Instant.nullable(),
  tasks: z.array(Task),
  done: z.number().int(),
  /** Hazards open on the day, and those closed on it. */
  hazards: z.array(Hazard),
});
export type Briefing = z.infer<typeof Briefing>;
export const BriefingQuery = z.object({ communityId: Id, day: LocalDate });
export const BriefingWrite = z.object({ communityId: Id, day: LocalDate, notes: z.string().trim().max(2000, { message: 'validation.tooLong' }) });

/** A field user's tasks of a day: assigned to them, or to a team they are on that day. */
export const MyTasksQuery = z.object({ day: LocalDate.optional() });
export const MyTasks = z.object({ day: LocalDate, tasks: z.array(Task), hazards: z.array(Hazard) });
