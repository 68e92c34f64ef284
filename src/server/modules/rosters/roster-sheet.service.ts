import type { z } from 'zod';
import type { Locale } from '../../../contract/common.ts';
import type { RosterOverview, RosterSheet } from '../../../contract/rosters.ts';
import type { Database } from '../../../db/database.ts';
import { underAny } from '../../../db/dialect.ts';
import { prefixesFor } from '../../../domain/access/scope.ts';
import { gateGrant } from '../../../domain/gates/gate-scope.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import type { Actor } from '../../actor.ts';
import { communityFor } from '../../community-access.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { dutyNowOf } from './on-duty.service.ts';
import { groupBy } from '../../../domain/group-by.ts';
import { needsOn, rosterEntrances, rosterEntrancesOf } from './roster-checkpoints.ts';
import { rostersRepository } from './rosters.repository.ts';
import { assertMonday, rosterWeek, weekDays } from './roster-week.service.ts';
import { writeRosterWorkbook } from './roster-workbook.ts';

/**
 * What the street office asks of rosters: a week's sheet with names and
 * phones (the print view and the .xlsx; phones in full, so each is audited),
 * and an overview of every community it oversees, to open any roster
 * directly without waiting for an export.
 */
export function rosterSheetService({ db }: Database) {
  async function sheet(actor: Actor, query: { communityId: string; monday: string }, action: 'rosters.sheet' | 'rosters.export'): Promise<z.infer<typeof RosterSheet>> {
    assertMonday(query.monday, 'monday');
    const community = await communityFor(db, actor, query.communityId, 'team.read');
    // Phones in full are the administrators' (the community, the street): a volunteer or team member reads the week masked.
    const reveal = gateGrant(actor, 'users.reveal', community.path);
    if (!reveal) throw new AppError('FORBIDDEN');
    const week = await rosterWeek(db, community, query.monday);
    const duties = await rostersRepository.dutiesOf(db, community.id, week.days[0]!, week.days[6]!);
    const street = (await orgRepository.ancestorsOf(db, community.path)).at(-1);
    const rows: z.infer<typeof RosterSheet>['rows'] = [];
    // A shift is listed when the checkpoint needs it (a checkpoint when it begins) or someone is on it; only a needed one has a minimum.
    const needed = new Set(needsOn(await rosterEntrances(db, community.id), week.days).map((n) => `${n.checkpointId}|${n.day}|${n.start}|${n.end}`));
    for (const c of week.checkpoints) {
      for (const day of week.days) {
        const own = duties.filter((d) => d.entrance_id === c.entranceId && d.day === day);
        // The checkpoint's shifts, then any duty kept at times that are no longer one of them (shifts edited after rostering).
        const times = [...c.shifts, ...own.filter((d) => !c.shifts.some((s) => s.start === d.start_time && s.end === d.end_time)).map((d) => ({ start: d.start_time, end: d.end_time, minimum: 0 }))]
          .filter((t, i, all) => all.findIndex((x) => x.start === t.start && x.end === t.end) === i)
          .sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
        for (const t of times) {
          const people = own.filter((d) => d.start_time === t.start && d.end_time === t.end);
          const needs = needed.has(`${c.entranceId}|${day}|${t.start}|${t.end}`);
          if (!needs && people.length === 0) continue;
          rows.push({ checkpoint: c.name, day, start: t.start, end: t.end, minimum: needs ? t.minimum : 0, people: people.map((p) => ({ name: p.name, mobile: p.mobile })) });
        }
      }
    }
    await recordAudit(db, actor, reveal, {
      action, entityType: 'community', entityId: community.id, path: community.path, after: { monday: query.monday, people: new Set(duties.map((d) => d.user_id)).size },
    });
    return { communityName: community.name, streetName: street?.name ?? '', monday: query.monday, rows };
  }

  return {
    sheet: (actor: Actor, query: { communityId: string; monday: string }) => sheet(actor, query, 'rosters.sheet'),

    async workbook(actor: Actor, query: { communityId: string; monday: string }, locale: Locale): Promise<{ file: Buffer; name: string }> {
      const s = await sheet(actor, query, 'rosters.export');
      return { file: await writeRosterWorkbook(locale, s), name: `${s.communityName}-${query.monday}.xlsx` };
    },

    /** Every community under an office's unit with its checkpoints, this week's duties and gaps, and checkpoints unstaffed now. */
    async overview(actor: Actor, query: { unitId: string; monday: string }): Promise<z.infer<typeof RosterOverview>> {
      assertMonday(query.monday, 'monday');
      const unit = await orgRepository.findInScope(db, prefixesFor(actor, 'team.read'), query.unitId);
      if (!unit) throw new AppError('NOT_FOUND', { field: 'unitId' });
      const today = shanghaiDate();
      const communities = await db.selectFrom('org_units').select(['id', 'name', 'path']).where('kind', '=', 'community')
        .where((eb) => underAny(eb, 'path', [unit.path])).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', today)]))
        .orderBy('path').limit(500).execute();
      // Every community's week and live view from a few queries, however many communities the office has; the week as counts
      // per shift (not every duty with its person), since the overview shows numbers.
      const ids = communities.map((c) => c.id);
      const days = weekDays(query.monday);
      const entrances = groupBy(await rosterEntrancesOf(db, ids), (e) => e.communityId);
      const staffing = groupBy(await rostersRepository.staffing(db, ids, days[0]!, days[6]!), (r) => r.community_id);
      const live = await dutyNowOf(db, communities, Date.now());
      return communities.map((c, i) => {
        const own = entrances.get(c.id) ?? [];
        const shifts = staffing.get(c.id) ?? [];
        const needs = needsOn(own, days);
        const staffed = new Map(shifts.map((r) => [`${r.entrance_id}|${r.day}|${r.start_time}|${r.end_time}`, r.people]));
        const rostered = new Set(shifts.map((r) => r.entrance_id));
        return {
          communityId: c.id, communityName: c.name,
          checkpoints: own.filter((e) => rostered.has(e.id) || needs.some((n) => n.checkpointId === e.id)).length,
          duties: shifts.reduce((sum, r) => sum + r.people, 0),
          gaps: needs.filter((n) => (staffed.get(`${n.checkpointId}|${n.day}|${n.start}|${n.end}`) ?? 0) < n.minimum).length,
          unstaffedNow: live[i]!.checkpoints.filter((x) => x.unstaffed).length,
        };
      });
    },
  };
}
