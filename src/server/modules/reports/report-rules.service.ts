import type { Database } from '../../../db/database.ts';
import type { RulesAnswer, ReportRules as RulesInput } from '../../../contract/reports.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { grantFor, prefixesFor } from '../../../domain/access/scope.ts';
import { gatePrefixes } from '../../../domain/gates/gate-scope.ts';
import { ancestorPaths } from '../../../domain/org/org-path.ts';
import { DEFAULT_RULES, rulesFor } from '../../../domain/reports/report-rules.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { reportsRepository, type RulesRow } from './reports.repository.ts';

/** The rule in force at a unit: its own, or the nearest office's above it, or the defaults. */
export async function rulesAtPath(db: Executor, path: string): Promise<RulesAnswer> {
  const chain = [...ancestorPaths(path), path];
  return answerOf(rulesFor(chain, (await reportsRepository.rulesAt(db, chain)).map(fromRow)));
}

const fromRow = (r: RulesRow) => ({
  path: r.org_path, orgId: r.org_id, orgName: r.org_name,
  minIssues: r.min_issues, deadlineTime: r.deadline_time, deadlineNextDay: r.deadline_next_day === 1, answerHours: r.answer_hours,
});

function answerOf(found: ReturnType<typeof fromRow> | null): RulesAnswer {
  if (!found) return { ...DEFAULT_RULES, setBy: null };
  return { minIssues: found.minIssues, deadlineTime: found.deadlineTime, deadlineNextDay: found.deadlineNextDay, answerHours: found.answerHours, setBy: { id: found.orgId, name: found.orgName } };
}

/** Each office sets the rule for the reports of the communities below it; they and the communities read it. */
export function reportRulesService({ db }: Database) {
  return {
    async get(actor: Actor, orgId: string): Promise<RulesAnswer> {
      // A team member placed at a group reads the rule of the community they report for.
      const unit = await orgRepository.findInScope(db, gatePrefixes(actor, 'report.read'), orgId);
      if (!unit) throw new AppError('NOT_FOUND', { field: 'orgId' });
      return rulesAtPath(db, unit.path);
    },

    async set(actor: Actor, orgId: string, input: RulesInput): Promise<RulesAnswer> {
      const unit = await orgRepository.findInScope(db, prefixesFor(actor, 'report.read'), orgId);
      if (!unit) throw new AppError('NOT_FOUND', { field: 'orgId' });
      const grant = grantFor(actor, 'report.manage', unit.path);
      if (!grant || unit.kind === 'community' || unit.kind === 'group' || unit.kind === 'grid') throw new AppError('FORBIDDEN');
      await db.transaction().execute(async (trx) => {
        await reportsRepository.saveRules(trx, {
          org_id: unit.id, org_path: unit.path, min_issues: input.minIssues, deadline_time: input.deadlineTime,
          deadline_next_day: input.deadlineNextDay ? 1 : 0, answer_hours: input.answerHours, updated_by: actor.userId, updated_at: new Date().toISOString(),
        });
        await recordAudit(trx, actor, grant, { action: 'reports.rules', entityType: 'org_unit', entityId: unit.id, path: unit.path, after: { ...input } });
      });
      return rulesAtPath(db, unit.path);
    },
  };
}

/** The rule in force at each of many communities under a unit, with two reads whatever their number. */
export async function rulesAtPaths(db: Executor, unitPath: string, paths: readonly string[]): Promise<Map<string, RulesAnswer>> {
  const rows = [...await reportsRepository.rulesAt(db, [...ancestorPaths(unitPath), unitPath]), ...await reportsRepository.rulesUnder(db, unitPath)];
  const set = rows.map(fromRow);
  return new Map(paths.map((p) => [p, answerOf(rulesFor([...ancestorPaths(p), p], set))]));
}
