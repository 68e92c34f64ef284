import { z } from 'zod';
import type { DayFigures } from '../domain/reports/figures.ts';
import { Id, Instant, LocalDate } from './common.ts';

/**
 * Daily reports (日报) and the issues and suggestions they carry up the
 * hierarchy (问题建议), the offices' view of who reported and the totals, and
 * the live dashboard of every level.
 */
const Text = (max: number) => z.string().trim().min(1, { message: 'validation.required' }).max(max, { message: 'validation.tooLong' });
const Count = z.number().int().nonnegative();

/**
 * A community's figures of one day, filled from its records (never typed in).
 * Every figure is a count, so a level's figures are the sums of its communities'.
 */
export const ReportFigures = z.object({
  /** Households in the ledger (the base of screening coverage). */
  households: Count,
  /** Households visited that day, and the visits (a household may be visited twice). */
  householdsScreened: Count,
  visits: Count,
  /** Households in the groups of the screening rounds open that day, and those of them visited so far in those rounds. */
  roundHouseholds: Count,
  roundHouseholdsScreened: Count,
  /** Gate passages let through, refused, and those of visitors (registered at the gate). */
  passages: Count,
  passagesRefused: Count,
  visitors: Count,
  /** Temperatures taken at the gates and on patrols. */
  peopleChecked: Count,
  /** Readings of 37.3 °C or more: at the gates, on patrols and in observation checks. */
  fevers: Count,
  /** Arrivals registered that day. */
  outsideWorkers: Count,
  returnees: Count,
  /** People under observation that day. */
  underObservation: Count,
  /** Observation checks due that day, done, and overdue (not done once their time has passed). */
  checksDue: Count,
  checksDone: Count,
  checksOverdue: Count,
  /** Duties at the checkpoints that day, and those checked in. */
  duties: Count,
  dutiesCheckedIn: Count,
  /** The morning briefing's tasks that day (not cancelled), and those done. */
  tasks: Count,
  tasksDone: Count,
}) satisfies z.ZodType<DayFigures>;
export type ReportFigures = z.infer<typeof ReportFigures>;

/** The office's rule for the reports of the communities below it; the nearest office up the chain that set one applies. */
export const ReportRules = z.object({
  /** The fewest issues or suggestions a report must carry (the city office's rule is 2). */
  minIssues: z.number().int().min(0, { message: 'validation.range' }).max(10, { message: 'validation.range' }),
  /** Submit by this local time (Asia/Shanghai) of the report's day, or of the next day. */
  deadlineTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.clockTime' }),
  deadlineNextDay: z.boolean(),
  /** An issue not answered this many hours after it was sent is flagged, to the office and to the community. */
  answerHours: z.number().int().min(1, { message: 'validation.range' }).max(720, { message: 'validation.range' }),
});
export type ReportRules = z.infer<typeof ReportRules>;
export const RulesAnswer = ReportRules.extend({
  /** The office whose rule this is; null for the defaults. */
  setBy: z.object({ id: Id, name: z.string() }).nullable(),
});
export type RulesAnswer = z.infer<typeof RulesAnswer>;
export const RulesQuery = z.object({ orgId: Id });

export const IssueKind = z.enum(['issue', 'suggestion'], { message: 'validation.issueKind' });
export const IssueTopic = z.enum(['supplies', 'staff', 'medical', 'living', 'gates', 'vulnerable', 'other'], { message: 'validation.issueTopic' });
export const IssueStatus = z.enum(['open', 'accepted', 'in_progress', 'done', 'declined']);
export type IssueStatus = z.infer<typeof IssueStatus>;
/** What an office may answer: everything but "open". */
export const AnswerStatus = z.enum(['accepted', 'in_progress', 'done', 'declined'], { message: 'validation.answerStatus' });

export const IssueDraft = z.object({ kind: IssueKind, topic: IssueTopic, text: Text(500) });
export type IssueDraft = z.infer<typeof IssueDraft>;

export const IssueAnswer = z.object({
  status: AnswerStatus,
  measure: z.string().nullable(),
  reason: z.string().nullable(),
  byName: z.string(),
  officeName: z.string(),
  at: Instant,
  /** Answered once for a group of similar issues. */
  groupTitle: z.string().nullable(),
});
export const Issue = z.object({
  id: Id,
  reportId: Id,
  communityId: Id,
  communityName: z.string(),
  teamName: z.string().nullable(),
  day: LocalDate,
  kind: IssueKind,
  topic: IssueTopic,
  text: z.string(),
  to: z.object({ id: Id, name: z.string() }),
  status: IssueStatus,
  sentAt: Instant,
  /** When an unanswered issue is flagged; flagged is true once that has passed without an answer. */
  flagAt: Instant,
  flagged: z.boolean(),
  group: z.object({ id: Id, title: z.string() }).nullable(),
  /** Newest first. */
  answers: z.array(IssueAnswer),
  /** Whether the reader may answer it: they hold report.answer at the office it was sent to. */
  canAnswer: z.boolean(),
});
export type Issue = z.infer<typeof Issue>;

export const ReportState = z.enum(['missing', 'draft', 'submitted']);
export const ReportVersion = z.object({
  id: Id,
  version: z.number().int(),
  submittedAt: Instant,
  submittedByName: z.string(),
  late: z.boolean(),
  correctionReason: z.string().nullable(),
});
/** One community's (or work team's) report of a day: the draft, or the current version with its history. */
export const ReportDay = z.object({
  community: z.object({ id: Id, name: z.string() }),
  team: z.object({ id: Id, name: z.string() }).nullable(),
  day: LocalDate,
  state: ReportState,
  /** The current submitted version (or the draft's id). */
  id: Id.nullable(),
  version: z.number().int().nullable(),
  rules: RulesAnswer,
  deadlineAt: Instant,
  /** Frozen at submission; filled now from the records while not submitted. */
  figures: ReportFigures,
  figuresAt: Instant,
  narrative: z.string(),
  /** The draft's issues, before they are sent. */
  draftIssues: z.array(IssueDraft),
  /** Sent issues of every version, with their answers. */
  issues: z.array(Issue),
  versions: z.array(ReportVersion),
  /** Where the issues go: the street for a community's report, the city office for a work team's. */
  sendsTo: z.object({ id: Id, name: z.string() }),
  canWrite: z.boolean(),
});
export type ReportDay = z.infer<typeof ReportDay>;
export const ReportDayQuery = z.object({ communityId: Id, day: LocalDate, teamId: Id.optional() });

export const DraftWrite = z.object({
  communityId: Id,
  teamId: Id.optional(),
  day: LocalDate,
  narrative: z.string().trim().max(4000, { message: 'validation.tooLong' }),
  issues: z.array(IssueDraft).max(20, { message: 'validation.tooMany' }),
});
/** Submitting freezes the report; `id` is the client's id for the version, so a retried submission is stored once. */
export const ReportSubmit = DraftWrite.extend({ id: Id, narrative: Text(4000) });
/** A correction of a submitted report: a new version, with its reason; issues here are sent in addition. */
export const ReportCorrect = z.object({
  id: Id,
  reason: Text(500),
  narrative: Text(4000),
  issues: z.array(IssueDraft).max(20, { message: 'validation.tooMany' }),
});

export const IssueAnswerWrite = z
  .object({
    status: AnswerStatus,
    measure: z.string().trim().max(1000, { message: 'validation.tooLong' }).optional(),
    reason: z.string().trim().max(1000, { message: 'validation.tooLong' }).optional(),
  })
  .refine((a) => a.status !== 'declined' || Boolean(a.reason), { message: 'validation.declineReason', path: ['reason'] })
  .refine((a) => a.status === 'declined' || Boolean(a.measure), { message: 'validation.measureRequired', path: ['measure'] });
export const IssueGroupCreate = z.object({ id: Id.optional(), title: Text(200), issueIds: z.array(Id).min(2, { message: 'validation.groupTooSmall' }).max(500) });
export const IssueGroup = z.object({ id: Id, title: z.string(), to: z.object({ id: Id, name: z.string() }), issues: z.array(Issue) });
export type IssueGroup = z.infer<typeof IssueGroup>;

/** Issues an office reads: sent to it or raised below it; `orgId` is the office or a community. */
export const IssuesQuery = z.object({
  orgId: Id,
  status: z.enum(['open', 'answered', 'flagged', 'all']).optional(),
  /** Only those sent to the reader's offices (to answer). */
  mine: z.stringbool().optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  topic: IssueTopic.optional(),
});

/** A level's day: each unit below with its communities' reports and figures summed; communities listed with their state. */
export const LevelRow = z.object({
  id: Id,
  name: z.string(),
  kind: z.string(),
  communities: Count,
  reportsIn: Count,
  late: Count,
  missing: Count,
  openIssues: Count,
  flaggedIssues: Count,
  figures: ReportFigures,
});
export type LevelRow = z.infer<typeof LevelRow>;
export const CommunityReportRow = z.object({
  id: Id,
  name: z.string(),
  /** The street (or the unit below the reader) it is under, for grouping. */
  parentName: z.string(),
  state: ReportState,
  late: z.boolean(),
  /** Not submitted though the deadline has passed. */
  overdue: z.boolean(),
  reportId: Id.nullable(),
  teamId: Id.nullable(),
  teamName: z.string().nullable(),
  version: z.number().int().nullable(),
  submittedAt: Instant.nullable(),
  issues: Count,
  openIssues: Count,
  flaggedIssues: Count,
  /** The reported figures (zeros until a report is in). */
  figures: ReportFigures,
});
export type CommunityReportRow = z.infer<typeof CommunityReportRow>;
export const LevelDay = z.object({
  unit: z.object({ id: Id, name: z.string(), kind: z.string(), parentId: Id.nullable() }),
  day: LocalDate,
  deadlineAt: Instant,
  total: LevelRow,
  children: z.array(LevelRow),
  communities: z.array(CommunityReportRow),
});
export type LevelDay = z.infer<typeof LevelDay>;
export const LevelQuery = z.object({ orgId: Id.optional(), day: LocalDate.optional() });

/** Today (or a past day) at a glance, live: figures filled now, summed per unit below; passages by hour; reports in that day; issues open (and flagged) at that day's end, or now. */
export const DashboardRow = z.object({
  id: Id,
  name: z.string(),
  kind: z.string(),
  communities: Count,
  reportsIn: Count,
  openIssues: Count,
  flaggedIssues: Count,
  figures: ReportFigures,
});
export type DashboardRow = z.infer<typeof DashboardRow>;
export const Dashboard = z.object({
  unit: z.object({ id: Id, name: z.string(), kind: z.string(), parentId: Id.nullable() }),
  day: LocalDate,
  at: Instant,
  total: DashboardRow,
  children: z.array(DashboardRow),
  /** Passages let through per hour 0–23 (Asia/Shanghai), and refused ones. */
  passagesByHour: z.array(z.object({ hour: z.number().int(), passages: Count, refused: Count })),
  /** Fevers per hour, for the chart beside passages. */
  fevers: z.array(z.object({ hour: z.number().int(), count: Count })),
});
export type Dashboard = z.infer<typeof Dashboard>;
export const DashboardQuery = z.object({ orgId: Id.optional(), day: LocalDate.optional() });
export const StreamQuery = z.object({ orgId: Id });
