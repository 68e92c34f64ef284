import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../../../db/database.ts';
import { uniqueViolation } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { DraftWrite, IssueDraft, ReportCorrect, ReportDay, ReportDayQuery, ReportSubmit } from '../../../contract/reports.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate, shanghaiMidnightUtc } from '../../../domain/local-date.ts';
import { noFigures, type DayFigures } from '../../../domain/reports/figures.ts';
import { flagAt, submitProblem } from '../../../domain/reports/report-rules.ts';
import type { Actor } from '../../actor.ts';
import type { CommunityNews } from '../../community-news.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { issuesWithAnswers } from './issue-views.ts';
import { issuesRepository } from './issues.repository.ts';
import { reportFiguresRepository } from './report-figures.repository.ts';
import { reportPlace, writeRefusal, writerGrant, type ReportPlace } from './report-place.ts';
import { reportsRepository, type ReportRow } from './reports.repository.ts';

type Submit = z.infer<typeof ReportSubmit>;
type Correct = z.infer<typeof ReportCorrect>;

/** The moment a day's figures are counted at: now for today, the day's end for a past day. */
function asOfDay(day: string, now: string): string {
  const end = shanghaiMidnightUtc(day, 1);
  return now < end ? now : end;
}

function contentHash(narrative: string, issues: readonly IssueDraft[], extra = ''): string {
  return createHash('sha256').update(JSON.stringify([narrative, issues.map((i) => [i.kind, i.topic, i.text]), extra])).digest('hex');
}

/**
 * A community's (or its work team's) daily report: a draft while being
 * written, figures filled from the day's records; submitting freezes the
 * figures and sends the issues to the office above; a correction is a new
 * version with its reason. Who may write is decided in report-place.ts.
 */
export function reportsService({ db, dialect }: Database, news: CommunityNews) {
  async function figuresOf(trx: Executor, place: ReportPlace, now: string): Promise<DayFigures> {
    const byCommunity = await reportFiguresRepository.byCommunity(trx, place.community.path, place.day, asOfDay(place.day, now));
    return byCommunity.get(place.community.id) ?? noFigures();
  }

  async function view(actor: Actor, place: ReportPlace, row: ReportRow | undefined): Promise<ReportDay> {
    const now = new Date().toISOString();
    const frozen = row && row.version > 0;
    const [versions, issueRows, refusal] = await Promise.all([
      reportsRepository.versions(db, place.community.id, place.day, place.subject),
      issuesRepository.ofReport(db, place.community.id, place.day, place.subject),
      writeRefusal(db, actor, place),
    ]);
    return {
      community: { id: place.community.id, name: place.community.name },
      team: place.team ? { id: place.team.id, name: place.team.name } : null,
      day: place.day,
      state: !row ? 'missing' : frozen ? 'submitted' : 'draft',
      id: row?.id ?? null,
      version: frozen ? row.version : null,
      rules: place.rules,
      deadlineAt: frozen && row.deadline_at ? row.deadline_at : place.deadlineAt,
      figures: frozen && row.figures ? (JSON.parse(row.figures) as DayFigures) : await figuresOf(db, place, now),
      figuresAt: frozen && row.figures_at ? row.figures_at : now,
      narrative: row?.narrative ?? '',
      draftIssues: row && !frozen ? (JSON.parse(row.draft_issues) as IssueDraft[]) : [],
      issues: await issuesWithAnswers(db, actor, issueRows, now),
      versions: versions.map((v) => ({
        id: v.id, version: v.version, submittedAt: v.submitted_at ?? '', submittedByName: v.display_name ?? '', late: v.late === 1, correctionReason: v.correction_reason,
      })),
      sendsTo: { id: place.sendsTo.id, name: place.sendsTo.name },
      canWrite: refusal === null,
    };
  }

  async function writablePlace(actor: Actor, q: { communityId: string; teamId?: string | undefined; day: string }): Promise<ReportPlace> {
    const place = await reportPlace(db, actor, q);
    const refusal = await writeRefusal(db, actor, place);
    if (refusal) throw refusal;
    return place;
  }

  /** Sends a version's issues to the office, each flagged if unanswered after the office's time. */
  function issueRows(place: ReportPlace, reportId: string, issues: readonly IssueDraft[], from: number, now: string) {
    return issues.map((i, n) => ({
      id: uuidv7(), report_id: reportId, community_id: place.community.id, org_path: place.community.path, subject: place.subject, day: place.day,
      position: from + n, kind: i.kind, topic: i.topic, text: i.text, to_org_id: place.sendsTo.id, to_org_path: place.sendsTo.path,
      status: 'open', sent_at: now, flag_at: flagAt(now, place.rules.answerHours), answered_at: null, group_id: null,
    }));
  }

  /** A retried submission or correction (same id, same content) answers as the first did; another content under the id is refused. */
  async function replay(actor: Actor, id: string, hash: string): Promise<ReportDay | null> {
    const same = await reportsRepository.byId(db, id);
    if (!same) return null;
    if (same.content_hash !== hash || same.submitted_by !== actor.userId) throw new AppError('ID_CONFLICT', { field: 'id' });
    const place = await reportPlace(db, actor, { communityId: same.community_id, teamId: same.team_id ?? undefined, day: same.day });
    return view(actor, place, await reportsRepository.current(db, same.community_id, same.day, same.subject));
  }

  return {
    async day(actor: Actor, q: z.infer<typeof ReportDayQuery>): Promise<ReportDay> {
      const place = await reportPlace(db, actor, q);
      return view(actor, place, await reportsRepository.current(db, place.community.id, place.day, place.subject));
    },

    /** Any version, as it was submitted (its own figures and narrative), for print and export. */
    async version(actor: Actor, id: string): Promise<ReportDay> {
      const row = await reportsRepository.byId(db, id);
      if (!row) throw new AppError('NOT_FOUND');
      const place = await reportPlace(db, actor, { communityId: row.community_id, teamId: row.team_id ?? undefined, day: row.day });
      return view(actor, place, row);
    },

    async saveDraft(actor: Actor, input: z.infer<typeof DraftWrite>): Promise<ReportDay> {
      const place = await writablePlace(actor, input);
      if (place.day > shanghaiDate()) throw new AppError('REPORT_DAY_IN_FUTURE', { field: 'day' });
      const now = new Date().toISOString();
      const content = { narrative: input.narrative, draft_issues: JSON.stringify(input.issues), updated_at: now };
      // Under the day's lock: two desks saving the first draft write one row, and a draft saved as the report is submitted is refused.
      await db.transaction().execute(async (trx) => {
        await reportsRepository.lockDay(trx, dialect, place.community.id, place.day, place.subject);
        const current = await reportsRepository.current(trx, place.community.id, place.day, place.subject);
        if (current && current.version > 0) throw new AppError('REPORT_FROZEN', { ref: { type: 'report', id: current.id } });
        if (current) await reportsRepository.updateDraft(trx, current.id, content);
        else await reportsRepository.insert(trx, draftRow(place, actor, now, content));
      });
      // The level's page shows a report begun (a draft) apart from one missing.
      news.changed(place.community.id);
      return view(actor, place, await reportsRepository.current(db, place.community.id, place.day, place.subject));
    },

    async submit(actor: Actor, input: Submit): Promise<ReportDay> {
      const hash = contentHash(input.narrative, input.issues, `${input.communityId}/${input.teamId ?? ''}/${input.day}`);
      const replayed = await replay(actor, input.id, hash);
      if (replayed) return replayed;
      const place = await writablePlace(actor, input);
      const problem = submitProblem({ day: place.day, issues: input.issues.length }, place.rules, shanghaiDate());
      if (problem?.code === 'REPORT_DAY_IN_FUTURE') throw new AppError('REPORT_DAY_IN_FUTURE', { field: 'day' });
      if (problem?.code === 'REPORT_TOO_FEW_ISSUES') throw new AppError('REPORT_TOO_FEW_ISSUES', { field: 'issues', params: { min: problem.min } });
      try {
        await db.transaction().execute(async (trx) => {
          await reportsRepository.lockDay(trx, dialect, place.community.id, place.day, place.subject);
          const current = await reportsRepository.current(trx, place.community.id, place.day, place.subject);
          if (current && current.version > 0) throw new AppError('REPORT_FROZEN', { ref: { type: 'report', id: current.id } });
          if (current) await reportsRepository.deleteDraft(trx, current.id);
          const now = new Date().toISOString();
          const figures = await figuresOf(trx, place, now);
          await reportsRepository.insert(trx, {
            ...draftRow(place, actor, now, { narrative: input.narrative, draft_issues: '[]', updated_at: now }),
            id: input.id, version: 1, figures: JSON.stringify(figures), figures_at: now, min_issues: place.rules.minIssues,
            deadline_at: place.deadlineAt, late: now > place.deadlineAt ? 1 : 0, submitted_at: now, submitted_by: actor.userId, content_hash: hash,
          });
          await reportsRepository.insertIssues(trx, issueRows(place, input.id, input.issues, 0, now));
          await recordAudit(trx, actor, writerGrant(actor, place), {
            action: 'reports.submit', entityType: 'daily_report', entityId: input.id, path: place.community.path,
            after: { day: place.day, team: place.team?.name ?? null, issues: input.issues.length, late: now > place.deadlineAt },
          });
        });
      } catch (e) {
        // Submitted at the same moment elsewhere: this one is a retry of it (found frozen under its own id), or too late.
        const frozen = e instanceof AppError && e.code === 'REPORT_FROZEN';
        if (!uniqueViolation(e) && !frozen) throw e;
        const again = await replay(actor, input.id, hash);
        if (again) return again;
        if (frozen) throw e;
        const other = await reportsRepository.current(db, place.community.id, place.day, place.subject);
        throw new AppError('REPORT_FROZEN', other ? { ref: { type: 'report', id: other.id } } : {});
      }
      news.changed(place.community.id);
      return view(actor, place, await reportsRepository.current(db, place.community.id, place.day, place.subject));
    },

    async correct(actor: Actor, reportId: string, input: Correct): Promise<ReportDay> {
      const hash = contentHash(input.narrative, input.issues, `${reportId}/${input.reason}`);
      const replayed = await replay(actor, input.id, hash);
      if (replayed) return replayed;
      const old = await reportsRepository.byId(db, reportId);
      if (!old) throw new AppError('NOT_FOUND');
      const place = await writablePlace(actor, { communityId: old.community_id, teamId: old.team_id ?? undefined, day: old.day });
      if (old.version === 0) throw new AppError('REPORT_NOT_SUBMITTED');
      if (old.current !== 1) throw new AppError('REPORT_SUPERSEDED');
      try {
        await db.transaction().execute(async (trx) => {
          if (!(await reportsRepository.supersede(trx, old.id))) throw new AppError('REPORT_SUPERSEDED');
          const now = new Date().toISOString();
          const figures = await figuresOf(trx, place, now);
          await reportsRepository.insert(trx, {
            ...draftRow(place, actor, now, { narrative: input.narrative, draft_issues: '[]', updated_at: now }),
            id: input.id, version: old.version + 1, figures: JSON.stringify(figures), figures_at: now, min_issues: old.min_issues,
            // A correction keeps the first submission's deadline and lateness: it corrects, it does not re-send.
            deadline_at: old.deadline_at, late: old.late, correction_reason: input.reason, supersedes_id: old.id,
            submitted_at: now, submitted_by: actor.userId, content_hash: hash,
          });
          const sent = await reportsRepository.issueCountOf(trx, place.community.id, place.day, place.subject);
          await reportsRepository.insertIssues(trx, issueRows(place, input.id, input.issues, sent, now));
          await recordAudit(trx, actor, writerGrant(actor, place), {
            action: 'reports.correct', entityType: 'daily_report', entityId: input.id, path: place.community.path,
            before: { version: old.version, narrative: old.narrative }, after: { version: old.version + 1, reason: input.reason, narrative: input.narrative, issues: input.issues.length },
          });
        });
      } catch (e) {
        // The same correction sent twice at once: the second finds the version superseded by the first, and answers as it did.
        if (!(e instanceof AppError && e.code === 'REPORT_SUPERSEDED')) throw e;
        const again = await replay(actor, input.id, hash);
        if (again) return again;
        throw e;
      }
      news.changed(place.community.id);
      return view(actor, place, await reportsRepository.current(db, place.community.id, place.day, place.subject));
    },
  };
}

function draftRow(place: ReportPlace, actor: Actor, now: string, content: { narrative: string; draft_issues: string; updated_at: string }) {
  return {
    id: uuidv7(), community_id: place.community.id, org_path: place.community.path, subject: place.subject, team_id: place.team?.id ?? null, day: place.day,
    version: 0, current: 1, ...content, figures: null, figures_at: null, to_org_id: place.sendsTo.id, min_issues: null, deadline_at: null, late: 0,
    correction_reason: null, supersedes_id: null, submitted_at: null, submitted_by: null, content_hash: null, created_by: actor.userId, created_at: now,
  };
}
