import type { Database } from '../../../db/database.ts';
import type { CommunityReportRow, Dashboard, DashboardRow, LevelDay, LevelRow } from '../../../contract/reports.ts';
import { groupBy } from '../../../domain/group-by.ts';
import { shanghaiDate, shanghaiMidnightUtc } from '../../../domain/local-date.ts';
import { addInto, noFigures, type DayFigures } from '../../../domain/reports/figures.ts';
import { DEFAULT_RULES, deadlineAt } from '../../../domain/reports/report-rules.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { issuesRepository } from './issues.repository.ts';
import { levelOf, levelUnit, sumLevel, type Level, type Unit } from './level-units.ts';
import { reportFiguresRepository } from './report-figures.repository.ts';
import { rulesAtPaths } from './report-rules.service.ts';
import { reportsRepository } from './reports.repository.ts';

type Counts = Omit<LevelRow, 'id' | 'name' | 'kind'>;
const noCounts = (): Counts => ({ communities: 0, reportsIn: 0, late: 0, missing: 0, openIssues: 0, flaggedIssues: 0, figures: noFigures() });
function addCounts(into: Counts, c: Counts): void {
  into.communities += c.communities;
  into.reportsIn += c.reportsIn;
  into.late += c.late;
  into.missing += c.missing;
  into.openIssues += c.openIssues;
  into.flaggedIssues += c.flaggedIssues;
  addInto(into.figures, c.figures);
}
const row = (u: Unit, c: Counts) => ({ id: u.id, name: u.name, kind: u.kind, ...c });

function checkDay(day: string | undefined): string {
  const d = day ?? shanghaiDate();
  if (d > shanghaiDate()) throw new AppError('DAY_NOT_BEGUN', { field: 'day', params: { day: d } });
  return d;
}

/** The report that speaks for a community on a day: its own if submitted, else a work team's submitted one, else a draft. */
function mainReport<R extends { subject: string; version: number }>(reports: readonly R[]): R | undefined {
  const rank = (r: R) => (r.version > 0 ? 0 : 2) + (r.subject === 'community' ? 0 : 1);
  return [...reports].sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * The offices' views: a level's reports of a day (who reported, who is late
 * or missing, the reported figures summed up the hierarchy) and the live
 * dashboard (today's figures filled from the records now).
 */
export function levelService({ db }: Database) {
  async function reportsOfDay(level: Level, day: string) {
    const reports = await reportsRepository.ofDay(db, level.unit.path, day);
    return new Map([...groupBy(reports, (r) => r.community_id)].map(([id, list]) => [id, mainReport(list)!]));
  }

  return {
    async day(actor: Actor, q: { orgId?: string | undefined; day?: string | undefined }): Promise<LevelDay> {
      const day = checkDay(q.day);
      const level = await levelOf(db, await levelUnit(db, actor, q.orgId), day);
      const now = new Date().toISOString();
      const [reports, issues, rules] = await Promise.all([
        reportsOfDay(level, day),
        issuesRepository.countsByCommunity(db, level.unit.path, now, day),
        rulesAtPaths(db, level.unit.path, level.communities.map((c) => c.path)),
      ]);
      const communities: CommunityReportRow[] = level.communities.map((c) => {
        const r = reports.get(c.id);
        const submitted = r !== undefined && r.version > 0;
        const i = issues.get(c.id) ?? { issues: 0, open: 0, flagged: 0 };
        const due = r?.deadline_at ?? deadlineAt(day, rules.get(c.path)!);
        return {
          id: c.id, name: c.name, parentName: level.children.find((p) => p.path === c.childPath)?.name ?? level.unit.name,
          state: !r ? 'missing' : submitted ? 'submitted' : 'draft', late: submitted && r.late === 1, overdue: !submitted && now > due,
          reportId: r?.id ?? null, teamId: r?.team_id ?? null, teamName: r?.team_name ?? null, version: submitted ? r.version : null,
          submittedAt: submitted ? r.submitted_at : null, issues: i.issues, openIssues: i.open, flaggedIssues: i.flagged,
          figures: submitted && r.figures ? (JSON.parse(r.figures) as DayFigures) : noFigures(),
        };
      });
      const byId = new Map(communities.map((c) => [c.id, c]));
      const sums = sumLevel(level, (id): Counts => {
        const c = byId.get(id)!;
        const inn = c.state === 'submitted' ? 1 : 0;
        return { communities: 1, reportsIn: inn, late: c.late ? 1 : 0, missing: 1 - inn, openIssues: c.openIssues, flaggedIssues: c.flaggedIssues, figures: c.figures };
      }, addCounts, noCounts);
      return {
        unit: { id: level.unit.id, name: level.unit.name, kind: level.unit.kind, parentId: level.unit.parentId },
        day,
        deadlineAt: deadlineAt(day, rules.get(level.communities[0]?.path ?? '') ?? DEFAULT_RULES),
        total: row(level.unit, sums.total),
        children: sums.children.map((c) => row(c.unit, c.value)),
        communities,
      };
    },

    async dashboard(actor: Actor, q: { orgId?: string | undefined; day?: string | undefined }): Promise<Dashboard> {
      const day = checkDay(q.day);
      const level = await levelOf(db, await levelUnit(db, actor, q.orgId), day);
      const now = new Date().toISOString();
      const end = shanghaiMidnightUtc(day, 1);
      const [figures, reports, issues, passagesByHour, fevers] = await Promise.all([
        reportFiguresRepository.byCommunity(db, level.unit.path, day, now < end ? now : end),
        reportsOfDay(level, day),
        issuesRepository.openAt(db, level.unit.path, now < end ? now : end),
        reportFiguresRepository.passagesByHour(db, level.unit.path, day),
        reportFiguresRepository.feversByHour(db, level.unit.path, day),
      ]);
      type Live = Omit<DashboardRow, 'id' | 'name' | 'kind'>;
      const sums = sumLevel(level, (id): Live => ({
        communities: 1,
        reportsIn: (reports.get(id)?.version ?? 0) > 0 ? 1 : 0,
        openIssues: issues.get(id)?.open ?? 0,
        flaggedIssues: issues.get(id)?.flagged ?? 0,
        figures: figures.get(id) ?? noFigures(),
      }), (into, v) => {
        into.communities += v.communities;
        into.reportsIn += v.reportsIn;
        into.openIssues += v.openIssues;
        into.flaggedIssues += v.flaggedIssues;
        addInto(into.figures, v.figures);
      }, () => ({ communities: 0, reportsIn: 0, openIssues: 0, flaggedIssues: 0, figures: noFigures() }));
      return {
        unit: { id: level.unit.id, name: level.unit.name, kind: level.unit.kind, parentId: level.unit.parentId },
        day, at: now,
        total: { id: level.unit.id, name: level.unit.name, kind: level.unit.kind, ...sums.total },
        children: sums.children.map((c) => ({ id: c.unit.id, name: c.unit.name, kind: c.unit.kind, ...c.value })),
        passagesByHour,
        fevers,
      };
    },
  };
}
