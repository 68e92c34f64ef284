import type { z } from 'zod';
import type { Database } from '../../../db/database.ts';
import { uniqueViolation } from '../../../db/dialect.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import type { Issue, IssueAnswerWrite, IssueGroup, IssueGroupCreate, IssuesQuery } from '../../../contract/reports.ts';
import { gatePrefixes } from '../../../domain/gates/gate-scope.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import type { Actor } from '../../actor.ts';
import type { CommunityNews } from '../../community-news.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { answerGrant, answeringOffices, issuesWithAnswers } from './issue-views.ts';
import { issuesRepository, type IssueView } from './issues.repository.ts';

type Answer = z.infer<typeof IssueAnswerWrite>;
const LIST_LIMIT = 500;

/**
 * Issues and suggestions sent up with the reports: the offices read those
 * raised below them and answer those sent to them (or to an office below
 * theirs); similar issues from many communities are grouped and answered
 * once. Every answer is kept; the issue shows the newest.
 */
export function issuesService({ db }: Database, news: CommunityNews) {
  /** An issue the actor can read (raised in a community they reach), or "not found". */
  async function readable(actor: Actor, ids: readonly string[]): Promise<IssueView[]> {
    const rows = await issuesRepository.byIds(db, ids);
    const prefixes = gatePrefixes(actor, 'report.read');
    const visible = rows.filter((r) => prefixes.some((p) => r.org_path.startsWith(p)));
    if (visible.length !== new Set(ids).size) throw new AppError('NOT_FOUND');
    return visible;
  }

  /** The grant by which the actor answers for the office the issue went to; another office's issue (above or below) is refused by name. */
  function answeringGrant(actor: Actor, issue: IssueView) {
    const grant = answerGrant(actor, issue.to_org_path);
    if (!grant) throw new AppError('ISSUE_NOT_ADDRESSED', { params: { office: issue.to_name } });
    return grant;
  }

  async function writeAnswers(trx: Executor, actor: Actor, issues: readonly IssueView[], answer: Answer, groupId: string | null): Promise<void> {
    const now = new Date().toISOString();
    for (const issue of issues) {
      const grant = answeringGrant(actor, issue);
      await issuesRepository.insertAnswer(trx, {
        id: uuidv7(), issue_id: issue.id, status: answer.status, measure: answer.measure || null, reason: answer.reason || null,
        office_id: grant.unitId ?? issue.to_org_id, group_id: groupId, answered_by: actor.userId, answered_at: now,
      });
      await recordAudit(trx, actor, grant, {
        action: 'issues.answer', entityType: 'report_issue', entityId: issue.id, path: issue.org_path,
        before: { status: issue.status }, after: { status: answer.status, measure: answer.measure ?? null, reason: answer.reason ?? null, group: groupId },
      });
    }
  }

  return {
    async list(actor: Actor, q: z.infer<typeof IssuesQuery>): Promise<Issue[]> {
      const unit = await orgRepository.findInScope(db, gatePrefixes(actor, 'report.read'), q.orgId);
      if (!unit) throw new AppError('NOT_FOUND', { field: 'orgId' });
      const now = new Date().toISOString();
      const rows = await issuesRepository.list(db, {
        raisedUnder: [unit.path], sentTo: q.mine ? answeringOffices(actor) : undefined,
        status: q.status, from: q.from, to: q.to, topic: q.topic, now,
      }, LIST_LIMIT);
      return issuesWithAnswers(db, actor, rows, now);
    },

    async answer(actor: Actor, id: string, answer: Answer): Promise<Issue> {
      const [issue] = await readable(actor, [id]);
      // Answered on its own, even if grouped: the answer names a group only when it was given once for the group.
      await db.transaction().execute((trx) => writeAnswers(trx, actor, [issue!], answer, null));
      news.changed(issue!.community_id);
      const [fresh] = await issuesWithAnswers(db, actor, await issuesRepository.byIds(db, [id]), new Date().toISOString());
      return fresh!;
    },

    /** Groups similar issues sent to one office, to answer them once. */
    async group(actor: Actor, input: z.infer<typeof IssueGroupCreate>): Promise<IssueGroup> {
      const issues = await readable(actor, input.issueIds);
      const offices = new Set(issues.map((i) => i.to_org_id));
      if (offices.size !== 1) throw new AppError('ISSUE_GROUP_MIXED', { field: 'issueIds' });
      const grant = answeringGrant(actor, issues[0]!);
      const id = input.id ?? uuidv7();
      const existing = await issuesRepository.group(db, id);
      // A retried request finds its group made; an issue in another group stays there (its answers name that group).
      const alreadyGrouped = (list: readonly IssueView[]) => {
        const grouped = list.find((i) => i.group_id !== null && i.group_id !== id);
        return grouped ? new AppError('ISSUE_ALREADY_GROUPED', { field: 'issueIds', params: { text: grouped.text, group: grouped.group_title ?? '' } }) : null;
      };
      const refusal = alreadyGrouped(issues);
      if (refusal) throw refusal;
      if (!existing) {
        try {
          await db.transaction().execute(async (trx) => {
            const row = { id, to_org_id: issues[0]!.to_org_id, to_org_path: issues[0]!.to_org_path, title: input.title, created_by: actor.userId, created_at: new Date().toISOString() };
            // Grouped elsewhere since they were read (two groupings at once): the later one is refused, as it would be after.
            if (!(await issuesRepository.insertGroup(trx, row, input.issueIds))) throw alreadyGrouped(await issuesRepository.byIds(trx, input.issueIds)) ?? new AppError('ISSUE_ALREADY_GROUPED', { field: 'issueIds' });
            await recordAudit(trx, actor, grant, { action: 'issues.group', entityType: 'issue_group', entityId: id, path: issues[0]!.to_org_path, after: { title: input.title, issues: input.issueIds } });
          });
        } catch (e) {
          // The same request twice at once: the second finds the group made by the first.
          if (!uniqueViolation(e)) throw e;
        }
      }
      return this.groupView(actor, id);
    },

    async groupView(actor: Actor, id: string): Promise<IssueGroup> {
      const group = await issuesRepository.group(db, id);
      if (!group) throw new AppError('NOT_FOUND');
      const issues = await readable(actor, await issuesRepository.idsInGroup(db, id));
      return { id, title: group.title, to: { id: group.to_org_id, name: group.to_name }, issues: await issuesWithAnswers(db, actor, issues, new Date().toISOString()) };
    },

    /** One answer for every issue of the group, in one transaction. */
    async answerGroup(actor: Actor, id: string, answer: Answer): Promise<IssueGroup> {
      const group = await issuesRepository.group(db, id);
      if (!group) throw new AppError('NOT_FOUND');
      const issues = await readable(actor, await issuesRepository.idsInGroup(db, id));
      await db.transaction().execute((trx) => writeAnswers(trx, actor, issues, answer, id));
      for (const c of new Set(issues.map((i) => i.community_id))) news.changed(c);
      return this.groupView(actor, id);
    },
  };
}
