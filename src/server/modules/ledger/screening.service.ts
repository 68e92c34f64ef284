import type { z } from 'zod';
import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { canAnywhere, grantFor, prefixesFor } from '../../../domain/access/scope.ts';
import { isWithin } from '../../../domain/org/org-path.ts';
import { isInForce, shanghaiDate } from '../../../domain/local-date.ts';
import { maskPhone } from '../../../domain/access/mask.ts';
import { ageOn, isElderlyOn } from '../../../domain/residents/age.ts';
import type { Relation } from '../../../domain/residents/resident-sheet.ts';
import {
  VisitInput, type Coverage, type FieldLedger, type RoundCreate, type RoundSummary, type UnvisitedHousehold, type VisitResult, type VisitSummary,
} from '../../../contract/ledger.ts';
import type { Locale } from '../../../contract/common.ts';
import { storeEach } from '../../batch-items.ts';
import type { Actor } from '../../actor.ts';
import { AppError, notFound } from '../../errors.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { ledgerWrites } from './ledger-writes.ts';
import { categoryEntries } from './resident-records.ts';
import { citizenIdFrom } from './residents.service.ts';
import { residentsRepository } from './residents.repository.ts';
import { screeningRepository, type RoundRow } from './screening.repository.ts';
import type { CommunityNews } from '../../community-news.ts';

/** A phone's clock may run a little fast; a visit further in the future is a mistake. */
const CLOCK_SLACK_MS = 10 * 60_000;

/**
 * Door-to-door screening rounds (摸排): a community opens a round over some or
 * all of its groups; grid workers record one visit per household from the
 * field app, offline first, each sent with the id the phone made, so a visit
 * sent twice is stored once. A visit may register people found on the spot.
 */
export function screeningService({ db }: Database, box: SensitiveBox, news?: CommunityNews) {
  async function summaries(rounds: readonly (RoundRow & { community_name: string })[]): Promise<RoundSummary[]> {
    const groups = await screeningRepository.roundGroups(db, rounds.map((r) => r.id));
    const out: RoundSummary[] = [];
    for (const r of rounds) {
      const households = await screeningRepository.roundHouseholds(db, r.id);
      const visited = new Set((await screeningRepository.visitedHouseholds(db, [r.id], [r.org_path])).map((v) => v.household_id));
      out.push(summaryOf(r, households.length, households.filter((h) => visited.has(h.id)).length, groups));
    }
    return out;
  }

  /** A round the actor may read: of a community in their area, or one covering one of their groups. */
  async function readableRound(trx: Executor, actor: Actor, id: string): Promise<RoundRow & { community_name: string }> {
    const round = await screeningRepository.findRound(trx, id);
    if (!round) throw notFound();
    const prefixes = [...prefixesFor(actor, 'ledger.read'), ...prefixesFor(actor, 'screening.visit')];
    const groups = await screeningRepository.roundGroups(trx, [id]);
    if (!prefixes.some((p) => isWithin(round.org_path, p) || groups.some((g) => isWithin(g.org_path, p)))) throw notFound();
    const community = await orgRepository.findById(trx, round.community_id);
    return { ...round, community_name: community?.name ?? '' };
  }

  async function storeVisit(actor: Actor, input: z.infer<typeof VisitInput>): Promise<'stored' | 'already_stored'> {
    let community: string | null = null;
    const result = await db.transaction().execute(async (trx): Promise<'stored' | 'already_stored'> => {
      const same = await screeningRepository.findVisit(trx, input.id);
      if (same) {
        if (same.round_id === input.roundId && same.household_id === input.householdId && same.visitor_id === actor.userId) return 'already_stored';
        throw new AppError('ID_CONFLICT', { field: 'id' });
      }
      const household = await residentsRepository.findHouseholdRow(trx, input.householdId);
      const grant = household ? grantFor(actor, 'screening.visit', household.org_path) : null;
      if (!household || !grant) throw new AppError('NOT_FOUND', { field: 'householdId' });
      const round = await screeningRepository.findRound(trx, input.roundId);
      if (!round || round.community_id !== household.community_id) throw new AppError('NOT_FOUND', { field: 'roundId' });
      const groups = await screeningRepository.roundGroups(trx, [round.id]);
      if (!groups.some((g) => g.group_id === household.group_id)) throw new AppError('NOT_IN_ROUND', { field: 'householdId' });
      const at = Date.parse(input.visitedAt);
      if (Number.isNaN(at) || at > Date.now() + CLOCK_SLACK_MS) throw new AppError('DATE_ORDER', { field: 'visitedAt' });
      const day = shanghaiDate(new Date(at));
      if (day < round.starts_on || (round.ends_on !== null && day > round.ends_on)) throw new AppError('DATE_ORDER', { field: 'visitedAt' });
      // A visit made offline before the round was closed still counts; instants compared as instants, whatever their offset.
      if (round.closed_at && at > Date.parse(round.closed_at)) throw new AppError('ROUND_CLOSED', { field: 'roundId' });

      const members = await residentsRepository.membersOf(trx, [household.id]);
      const present = input.presentIds.filter((id) => members.some((m) => m.id === id));
      const householdRow = { ...household };
      const arrivals: string[] = [];
      for (const [i, a] of input.arrivals.entries()) {
        const citizenId = citizenIdFrom(a, `arrivals.${i}.idNumber`);
        const hash = box.lookupHash(citizenId.value);
        const existing = await residentsRepository.findByIdHash(trx, hash);
        const entry = { category: a.category };
        if (existing) {
          // Already in the ledger: here they gain the category the visit found; elsewhere they are someone else's to move.
          // (The same arrival sent again with an earlier visit lands here too: the person is already registered.)
          if (!grantFor(actor, 'screening.visit', existing.org_path) || existing.status !== 'living') {
            throw new AppError('DUPLICATE_ID_ELSEWHERE', { field: `arrivals.${i}.idNumber` });
          }
          const current = await residentsRepository.currentCategories(trx, [existing.id]);
          if (!current.some((c) => c.category === a.category)) await ledgerWrites.setCategories(trx, existing.id, current, [...categoryEntries(current), entry], day, input.id);
          arrivals.push(existing.id);
          continue;
        }
        if (a.relation === 'head' && householdRow.head_id) throw new AppError('HOUSEHOLD_HAS_HEAD', { field: `arrivals.${i}.relation`, params: { name: members.find((m) => m.id === householdRow.head_id)?.name ?? '' } });
        const row = await ledgerWrites.createResident(trx, box, { id: a.id, name: a.name, citizenId, phone: a.phone ?? null, categories: [entry] }, householdRow, a.relation as Relation, day, input.id);
        arrivals.push(row.id);
        if (a.relation === 'head') householdRow.head_id = row.id;
      }
      await screeningRepository.insertVisit(trx, {
        id: input.id, round_id: round.id, household_id: household.id, org_path: household.org_path, visitor_id: actor.userId,
        visited_at: new Date(at).toISOString(), day, outcome: input.outcome, present_json: JSON.stringify(present), health_json: JSON.stringify(input.health),
        needs: input.needs ?? null, note: input.note ?? null, created_at: new Date().toISOString(),
      });
      await recordAudit(trx, actor, grant, {
        action: 'screening.visit', entityType: 'household', entityId: household.id, path: household.org_path,
        after: { roundId: round.id, visitId: input.id, outcome: input.outcome, arrivals: arrivals.length },
      });
      community = household.community_id;
      return 'stored';
    });
    // Households screened is a figure of the day's report and of the dashboards above.
    if (community) news?.changed(community);
    return result;
  }

  return {
    async createRound(actor: Actor, input: RoundCreate): Promise<RoundSummary> {
      const prefixes = prefixesFor(actor, 'ledger.manage');
      const community = await orgRepository.findInScope(db, prefixes, input.communityId);
      if (!community || community.kind !== 'community') throw new AppError('NOT_FOUND', { field: 'communityId' });
      if (input.endsOn && input.endsOn < input.startsOn) throw new AppError('DATE_ORDER', { field: 'endsOn' });
      const today = shanghaiDate();
      const children = (await orgRepository.listChildren(db, prefixes, { parentId: community.id, today, includeDissolved: false }))
        .filter((u) => (u.kind === 'group' || u.kind === 'grid') && isInForce(today, u.valid_from, u.valid_to));
      const wanted = [...new Set(input.groupIds?.length ? input.groupIds : children.map((c) => c.id))];
      const groups = wanted.map((id, i) => {
        const g = children.find((c) => c.id === id);
        if (!g) throw new AppError('NOT_FOUND', { field: `groupIds.${i}` });
        return { group_id: g.id, org_path: g.path };
      });
      if (groups.length === 0) throw new AppError('NOT_FOUND', { field: 'groupIds' });
      const id = input.id ?? crypto.randomUUID();
      await db.transaction().execute(async (trx) => {
        if (await screeningRepository.findRound(trx, id)) throw new AppError('ID_CONFLICT', { field: 'id' });
        await screeningRepository.insertRound(trx, {
          id, community_id: community.id, org_path: community.path, name: input.name, starts_on: input.startsOn, ends_on: input.endsOn ?? null,
          closed_at: null, created_by: actor.userId || null, created_at: new Date().toISOString(),
        }, groups);
        await recordAudit(trx, actor, grantFor(actor, 'ledger.manage', community.path), {
          action: 'screening.round.create', entityType: 'screening_round', entityId: id, path: community.path,
          after: { name: input.name, startsOn: input.startsOn, endsOn: input.endsOn ?? null, groups: groups.length },
        });
      });
      return (await summaries([{ ...(await screeningRepository.findRound(db, id))!, community_name: community.name }]))[0]!;
    },

    async closeRound(actor: Actor, id: string): Promise<RoundSummary> {
      const round = await readableRound(db, actor, id);
      const grant = grantFor(actor, 'ledger.manage', round.org_path);
      if (!grant) throw new AppError('FORBIDDEN');
      if (round.closed_at) throw new AppError('ROUND_CLOSED');
      const at = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        await screeningRepository.closeRound(trx, id, at);
        await recordAudit(trx, actor, grant, { action: 'screening.round.close', entityType: 'screening_round', entityId: id, path: round.org_path, after: { closedAt: at } });
      });
      return (await summaries([{ ...round, closed_at: at }]))[0]!;
    },

    async rounds(actor: Actor, query: { communityId?: string | undefined }): Promise<RoundSummary[]> {
      if (!canAnywhere(actor, 'ledger.read') && !canAnywhere(actor, 'screening.visit')) throw new AppError('FORBIDDEN');
      const read = prefixesFor(actor, 'ledger.read');
      // A grid worker's area is a group: the rounds of its community that cover it.
      const communities = await communitiesAbove(db, [...read, ...prefixesFor(actor, 'screening.visit')]);
      let rounds = await screeningRepository.rounds(db, communities.map((c) => c.path));
      if (query.communityId) rounds = rounds.filter((r) => r.community_id === query.communityId);
      const groups = await screeningRepository.roundGroups(db, rounds.map((r) => r.id));
      const visible = rounds.filter((r) => read.some((p) => isWithin(r.org_path, p)) || groups.some((g) => g.round_id === r.id && prefixesFor(actor, 'screening.visit').some((p) => isWithin(g.org_path, p))));
      return summaries(visible);
    },

    async coverage(actor: Actor, id: string): Promise<z.infer<typeof Coverage>> {
      const round = await readableRound(db, actor, id);
      const households = await screeningRepository.roundHouseholds(db, id);
      const visits = await screeningRepository.visitsOfRound(db, id);
      const visited = new Set(visits.filter((v) => v.outcome === 'visited').map((v) => v.household_id));
      const summary = summaryOf(round, households.length, households.filter((h) => visited.has(h.id)).length, await screeningRepository.roundGroups(db, [id]));
      const attempted = new Set(visits.map((v) => v.household_id));
      const byGroup = summary!.groups.map((g) => {
        const hs = households.filter((h) => h.group_id === g.id);
        return {
          groupId: g.id, groupName: g.name, households: hs.length,
          visited: hs.filter((h) => visited.has(h.id)).length,
          nobodyHome: hs.filter((h) => attempted.has(h.id) && !visited.has(h.id)).length,
        };
      });
      const workers = new Map<string, { userId: string; name: string; visits: number; households: Set<string> }>();
      for (const v of visits) {
        const w = workers.get(v.visitor_id) ?? { userId: v.visitor_id, name: v.visitor_name, visits: 0, households: new Set<string>() };
        w.visits += 1;
        w.households.add(v.household_id);
        workers.set(v.visitor_id, w);
      }
      const registered = await screeningRepository.registeredByVisits(db, id);
      const days = [...new Set([...visits.map((v) => v.day), ...registered.map((r) => r.day)])].sort().reverse();
      return {
        round: summary!,
        byGroup,
        byWorker: [...workers.values()].map((w) => ({ userId: w.userId, name: w.name, visits: w.visits, households: w.households.size })).sort((a, b) => b.households - a.households || a.name.localeCompare(b.name, 'zh-CN')),
        byDay: days.map((day) => {
          const of = visits.filter((v) => v.day === day && v.outcome === 'visited');
          return {
            day,
            households: new Set(of.map((v) => v.household_id)).size,
            fevers: of.filter((v) => (JSON.parse(v.health_json) as { fever?: boolean }).fever).length,
            registered: Object.fromEntries(registered.filter((r) => r.day === day).map((r) => [r.category, r.n])),
          };
        }),
      };
    },

    async unvisited(actor: Actor, id: string, groupId?: string): Promise<z.infer<typeof UnvisitedHousehold>[]> {
      await readableRound(db, actor, id);
      const prefixes = [...prefixesFor(actor, 'ledger.read'), ...prefixesFor(actor, 'screening.visit')];
      const households = (await screeningRepository.roundHouseholds(db, id)).filter((h) => prefixes.some((p) => isWithin(h.org_path, p)));
      const visits = await screeningRepository.visitsOfRound(db, id);
      const visited = new Set(visits.filter((v) => v.outcome === 'visited').map((v) => v.household_id));
      return households
        .filter((h) => !visited.has(h.id) && (!groupId || h.group_id === groupId))
        .map((h) => ({
          id: h.id, address: h.address, groupId: h.group_id, groupName: h.group_name, headName: h.head_name, members: Number(h.members),
          attempts: visits.filter((v) => v.household_id === h.id).length,
        }));
    },

    async visits(actor: Actor, id: string, householdId?: string): Promise<z.infer<typeof VisitSummary>[]> {
      await readableRound(db, actor, id);
      const prefixes = [...prefixesFor(actor, 'ledger.read'), ...prefixesFor(actor, 'screening.visit')];
      const rows = (await screeningRepository.visitsOfRound(db, id, householdId)).filter((v) => prefixes.some((p) => isWithin(v.org_path, p)));
      const names = new Map((await residentsRepository.findManyById(db, [...new Set(rows.flatMap((v) => JSON.parse(v.present_json) as string[]))])).map((r) => [r.id, r.name]));
      return rows.map((v) => ({
        id: v.id, householdId: v.household_id, address: v.address, groupName: v.group_name, visitorName: v.visitor_name, visitedAt: v.visited_at, day: v.day,
        outcome: v.outcome as 'visited' | 'nobody_home',
        present: (JSON.parse(v.present_json) as string[]).map((id) => names.get(id) ?? ''),
        // Health answers are for the community and its workers, not for every reader of the round.
        health: grantFor(actor, 'ledger.health', v.org_path) ? JSON.parse(v.health_json) : null,
        arrivals: Number(v.arrivals), needs: v.needs, note: v.note,
      }));
    },

    /**
     * A batch of visits from a phone's outbox: each item is stored, already
     * stored, or refused with a reason in the user's language, independently,
     * so one bad visit never holds back the others.
     */
    async storeVisits(actor: Actor, items: readonly unknown[], locale: Locale): Promise<VisitResult[]> {
      if (!canAnywhere(actor, 'screening.visit')) throw new AppError('FORBIDDEN');
      return storeEach(items, VisitInput, locale, async (visit) => ({ result: await storeVisit(actor, visit) }));
    },

    /** What the field app keeps for offline work: the households of one's area, its open rounds and their visited households. */
    async fieldLedger(actor: Actor): Promise<FieldLedger> {
      if (!canAnywhere(actor, 'screening.visit')) throw new AppError('FORBIDDEN');
      const prefixes = prefixesFor(actor, 'screening.visit');
      const today = shanghaiDate();
      const households = (await Promise.all(prefixes.map((p) => residentsRepository.households(db, prefixes, p)))).flat().filter((h) => Number(h.members) > 0);
      const members = await residentsRepository.membersOf(db, households.map((h) => h.id));
      const categories = await residentsRepository.currentCategories(db, members.map((m) => m.id));
      const rounds = (await this.rounds(actor, {})).filter((r) => !r.closed && r.startsOn <= today && (!r.endsOn || r.endsOn >= today));
      const visited = await screeningRepository.visitedHouseholds(db, rounds.map((r) => r.id), prefixes);
      const tried = await screeningRepository.visitedHouseholds(db, rounds.map((r) => r.id), prefixes, 'nobody_home');
      const seen = new Set(visited.map((v) => `${v.round_id}|${v.household_id}`));
      return {
        households: households.map((h) => ({
          id: h.id, address: h.address, groupId: h.group_id, groupName: h.group_name,
          members: members.filter((m) => m.household_id === h.id).map((m) => ({
            id: m.id, name: m.name, initials: m.name_initials, pinyin: m.name_pinyin, relation: (m.relation ?? 'other') as Relation, sex: m.sex as 'male' | 'female',
            age: ageOn(m.birth_date, today), idMasked: m.id_masked, phoneMasked: maskPhone(m.phone),
            categories: categoryEntries(categories.filter((c) => c.resident_id === m.id)), elderly: isElderlyOn(m.birth_date, today),
          })),
        })),
        rounds,
        visited: Object.fromEntries(rounds.map((r) => [r.id, visited.filter((v) => v.round_id === r.id).map((v) => v.household_id)])),
        away: Object.fromEntries(rounds.map((r) => [r.id, tried.filter((v) => v.round_id === r.id && !seen.has(`${v.round_id}|${v.household_id}`)).map((v) => v.household_id)])),
        at: new Date().toISOString(),
      };
    },
  };
}

/** What a list of rounds shows of one: households to cover (people living there now) and those visited. */
function summaryOf(r: RoundRow & { community_name: string }, households: number, visited: number, groups: readonly { round_id: string; group_id: string; name: string }[]): RoundSummary {
  return {
    id: r.id, communityId: r.community_id, communityName: r.community_name, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, closed: r.closed_at !== null,
    households, visited, groups: groups.filter((g) => g.round_id === r.id).map((g) => ({ id: g.group_id, name: g.name })),
  };
}

/** The communities at or above-and-containing some paths (a group's community, or the communities under a street). */
async function communitiesAbove(db: Executor, prefixes: readonly string[]) {
  const out = new Map<string, { id: string; path: string }>();
  for (const p of prefixes) {
    const chain = [...(await orgRepository.ancestorsOf(db, p)), ...(await orgRepository.findRowsByPaths(db, [p]))];
    const own = chain.find((u) => u.kind === 'community');
    if (own) out.set(own.id, { id: own.id, path: own.path });
    else out.set(p, { id: p, path: p });
  }
  return [...out.values()];
}
