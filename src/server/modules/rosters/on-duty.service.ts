import type { z } from 'zod';
import type { Locale } from '../../../contract/common.ts';
import type { ItemResult } from '../../../contract/gates.ts';
import { CheckInItem, type DutyAlert, type OnDutyNow } from '../../../contract/rosters.ts';
import type { Database } from '../../../db/database.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { addDays, shanghaiDate, shanghaiDateTime } from '../../../domain/local-date.ts';
import { CHECK_IN_EARLY_MS, onDutyNow } from '../../../domain/rosters/on-duty.ts';
import { shiftSpan } from '../../../domain/rosters/shifts.ts';
import type { Actor } from '../../actor.ts';
import { storeEach } from '../../batch-items.ts';
import { communityFor, grantOn, type Community } from '../../community-access.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { groupBy } from '../../../domain/group-by.ts';
import { needsOn, rosterEntrancesOf, type RosterEntrance } from './roster-checkpoints.ts';
import { rostersRepository, type AlertRow, type DutyView } from './rosters.repository.ts';
import type { CommunityNews } from '../../community-news.ts';

/** An unstaffed shift alerts the lead once it has run this long without its minimum checked in. */
export const ALERT_AFTER_MS = 15 * 60_000;
/** A phone's clock may run a little ahead; further ahead is a wrong clock, not a check-in. */
const CLOCK_SLACK_MS = 10 * 60_000;

/** Who is on shift at each checkpoint of a community at `now`, and who has checked in. */
export async function dutyNow(db: Executor, community: Community, now: number): Promise<OnDutyNow> {
  return (await dutyNowOf(db, [community], now))[0]!;
}

/** The same for many communities at once (an office's overview, the sweep), in a few queries whatever their number. */
export async function dutyNowOf(db: Executor, communities: readonly Community[], now: number): Promise<OnDutyNow[]> {
  if (communities.length === 0) return [];
  const today = shanghaiDate(new Date(now));
  const ids = communities.map((c) => c.id);
  const entrances = groupBy(await rosterEntrancesOf(db, ids), (e) => e.communityId);
  const clock = shanghaiDateTime(new Date(now)).slice(11);
  const duties = groupBy(await rostersRepository.dutiesOf(db, ids, today, today, { inForceAt: clock }), (d) => d.community_id);
  return communities.map((c) => liveView(c, entrances.get(c.id) ?? [], duties.get(c.id) ?? [], today, now));
}

function liveView(community: Community, entrances: readonly RosterEntrance[], duties: readonly DutyView[], today: string, now: number): OnDutyNow {
  // Judged by the entrance's state now (not at the shift's start): one made a checkpoint at 09:00 needs its people from then.
  const nowIso = new Date(now).toISOString();
  const needs = needsOn(entrances.filter((e) => e.stateAt(nowIso) === 'checkpoint'), [today], { ignoreState: true });
  const result = onDutyNow(
    entrances.filter((e) => needs.some((n) => n.checkpointId === e.id)).map((e) => e.id),
    needs,
    duties.map((d) => ({ personId: d.user_id, checkpointId: d.entrance_id, day: d.day, start: d.start_time, end: d.end_time })),
    duties.filter((d) => d.checked_in_at !== null).map((d) => ({ personId: d.user_id, checkpointId: d.entrance_id, at: Date.parse(d.checked_in_at!) })),
    now,
  );
  return {
    communityId: community.id,
    at: nowIso,
    checkpoints: result.map((r) => ({
      entranceId: r.checkpointId,
      name: entrances.find((e) => e.id === r.checkpointId)!.name,
      shift: r.need ? { day: r.need.day, start: r.need.start, end: r.need.end, minimum: r.need.minimum } : null,
      onShift: r.onShift.map((p) => {
        const d = duties.find((x) => x.user_id === p.personId && x.entrance_id === r.checkpointId && x.start_time === r.need?.start)!;
        return { userId: p.personId, name: d.name, checkedInAt: p.checkedIn ? d.checked_in_at : null };
      }),
      unstaffed: r.unstaffed,
    })),
  };
}

const alertOf = (a: AlertRow & { entrance_name: string; handled_by_name: string | null }): DutyAlert => ({
  id: a.id, communityId: a.community_id, entranceId: a.entrance_id, entranceName: a.entrance_name, day: a.day, start: a.start_time, end: a.end_time,
  minimum: a.minimum, checkedIn: a.checked_in, raisedAt: a.raised_at, handledAt: a.handled_at, handledByName: a.handled_by_name, note: a.note,
});

/**
 * On duty now (在岗): check-ins at the gate from the field app (offline
 * first, each stored once), who is on shift and checked in, and alerts to
 * the lead when a checkpoint's shift runs below its minimum.
 */
export function onDutyService({ db }: Database, news?: CommunityNews) {
  /**
   * Raises an alert for each shift in force that has run ALERT_AFTER_MS below its minimum, in communities that keep
   * rosters that day (all of them, or the one whose alerts are being read), in a few queries whatever their number.
   */
  async function sweep(now = Date.now(), only?: Community): Promise<number> {
    const today = shanghaiDate(new Date(now));
    const communities = (await rostersRepository.communitiesWithDuties(db, today, only?.id)).map((c) => ({ id: c.community_id, path: c.org_path, name: '' }));
    let raised = 0;
    for (const [i, live] of (await dutyNowOf(db, communities, now)).entries()) {
      const c = communities[i]!;
      for (const x of live.checkpoints) {
        if (!x.unstaffed || !x.shift || shiftSpan(x.shift.day, x.shift).from + ALERT_AFTER_MS > now) continue;
        const made = await rostersRepository.insertAlertIfNew(db, {
          id: uuidv7(), community_id: c.id, org_path: c.path, entrance_id: x.entranceId, day: x.shift.day, start_time: x.shift.start,
          end_time: x.shift.end, minimum: x.shift.minimum, checked_in: x.onShift.filter((p) => p.checkedInAt !== null).length, raised_at: new Date(now).toISOString(),
          handled_at: null, handled_by: null, note: null,
        });
        if (made) raised++;
      }
    }
    return raised;
  }

  async function checkIn(actor: Actor, item: z.infer<typeof CheckInItem>): Promise<{ result: 'stored' | 'already_stored' }> {
    const again = await rostersRepository.findCheckIn(db, item.id);
    if (again) {
      if (again.user_id !== actor.userId || again.entrance_id !== item.entranceId) throw new AppError('ID_CONFLICT', { field: 'id' });
      return { result: 'already_stored' };
    }
    const at = Date.parse(item.at);
    if (at > Date.now() + CLOCK_SLACK_MS) throw new AppError('INVALID_VALUE', { field: 'at' });
    // Shifts end by midnight, but the night shift (00:00) is checked in from 23:30 of the day before.
    const day = shanghaiDate(new Date(at));
    const mine = await rostersRepository.dutiesOfUser(db, actor.userId, day, addDays(day, 1));
    // The latest shift whose window holds the check-in: at 11:45 one on 07:00–12:00 and 12:00–18:00 checks in for the afternoon.
    const duty = mine.findLast((d) => {
      if (d.entrance_id !== item.entranceId) return false;
      const span = shiftSpan(d.day, { start: d.start_time, end: d.end_time });
      return at >= span.from - CHECK_IN_EARLY_MS && at < span.to;
    });
    if (!duty) {
      const entrance = await db.selectFrom('entrances').select('name').where('id', '=', item.entranceId).executeTakeFirst();
      throw new AppError('NOT_ON_SHIFT', { field: 'entranceId', params: { entrance: entrance?.name ?? '-' } });
    }
    await rostersRepository.insertCheckIn(db, {
      id: item.id, entrance_id: duty.entrance_id, community_id: duty.community_id, org_path: duty.org_path, user_id: actor.userId, duty_id: duty.id,
      at: new Date(at).toISOString(), received_at: new Date().toISOString(),
    });
    // Duties checked in is a figure of the day's report and of the dashboards above.
    news?.changed(duty.community_id);
    return { result: 'stored' };
  }

  return {
    sweep,

    async now(actor: Actor, communityId: string): Promise<OnDutyNow> {
      return dutyNow(db, await communityFor(db, actor, communityId, 'team.read'), Date.now());
    },

    /** One's own check-ins: a duty of one's own at that gate is the permission. */
    async checkIns(actor: Actor, items: readonly unknown[], locale: Locale): Promise<ItemResult[]> {
      return storeEach(items, CheckInItem, locale, (item) => checkIn(actor, item));
    },

    async alerts(actor: Actor, query: { communityId: string; open?: boolean | undefined }): Promise<DutyAlert[]> {
      const community = await communityFor(db, actor, query.communityId, 'team.manage');
      await sweep(Date.now(), community);
      return (await rostersRepository.alertsOf(db, community.id, query.open)).map(alertOf);
    },

    async handleAlert(actor: Actor, id: string, note: string): Promise<DutyAlert> {
      const alert = await rostersRepository.findAlert(db, id);
      if (!alert) throw new AppError('NOT_FOUND');
      const grant = grantOn(actor, 'team.manage', alert.org_path);
      await db.transaction().execute(async (trx) => {
        if ((await rostersRepository.handleAlert(trx, id, actor.userId, new Date().toISOString(), note)) === 0) throw new AppError('ALERT_HANDLED');
        await recordAudit(trx, actor, grant, { action: 'rosters.alert_handle', entityType: 'duty_alert', entityId: id, path: alert.org_path, after: { note } });
      });
      return alertOf((await rostersRepository.alertsOf(db, alert.community_id, undefined, id))[0]!);
    },
  };
}
