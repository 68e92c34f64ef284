import type { z } from 'zod';
import type { Locale } from '../../../contract/common.ts';
import type { ItemResult } from '../../../contract/gates.ts';
import { CheckReadingInput, type Check, type CheckListQuery, type ObservationAlert, type ObservationFigures } from '../../../contract/observation.ts';
import type { Database } from '../../../db/database.ts';
import { gateGrant, gatePrefixes } from '../../../domain/gates/gate-scope.ts';
import { isFever, isPlausibleTemperature, toTenths } from '../../../domain/gates/temperature.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { readingFits } from '../../../domain/observation/schedule.ts';
import type { Actor } from '../../actor.ts';
import { storeEach } from '../../batch-items.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { communityFor, grantOn } from './arrivals.service.ts';
import type { ObservationEvents } from './observation-events.ts';
import { CHECKS_SHOWN, observationRepository } from './observation.repository.ts';
import { alertOf, checkOf } from './observation-views.ts';

const CLOCK_SLACK_MS = 10 * 60_000;
/** Overdue checks alerted per sweep; the next sweep takes the rest. */
const SWEEP_BATCH = 1000;

/**
 * The checks of observation plans: the lists workers and communities work
 * from, readings sent from phones (offline first, each stored once), alerts
 * to the community's lead for fevers, positive tests and overdue checks, and
 * the day's figures.
 */
export function checksService({ db }: Database, events: ObservationEvents) {
  /** The reading already stored under this id, if any: "already stored" when it is the same one, a conflict when another. */
  async function repeatOf(actor: Actor, input: CheckReadingInput): Promise<Omit<ItemResult, 'id'> | null> {
    const same = await observationRepository.findCheckByReading(db, input.id);
    if (!same) return null;
    if (same.id !== input.checkId || same.recorded_by !== actor.userId) throw new AppError('ID_CONFLICT', { field: 'id' });
    return { result: 'already_stored' };
  }

  async function storeReading(actor: Actor, input: CheckReadingInput): Promise<Omit<ItemResult, 'id'>> {
    const repeat = await repeatOf(actor, input);
    if (repeat) return repeat;
    return storeNewReading(actor, input).catch(async (e: unknown) => {
      // Sent twice at once (a retry racing the first send): the loser finds the winner's reading under its own id.
      if (e instanceof AppError && e.code === 'CHECK_DONE') return (await repeatOf(actor, input)) ?? Promise.reject(e);
      throw e;
    });
  }

  async function storeNewReading(actor: Actor, input: CheckReadingInput): Promise<Omit<ItemResult, 'id'>> {
    const check = await observationRepository.findCheck(db, input.checkId);
    if (!check) throw new AppError('NOT_FOUND', { field: 'checkId' });
    // The responsible worker records their own checks; staff who may register arrivals may record any of the community's.
    const grant = gateGrant(actor, 'observation.write', check.org_path) ?? (check.worker_id === actor.userId ? gateGrant(actor, 'observation.check', check.org_path) : null);
    if (!grant) throw new AppError('NOT_FOUND', { field: 'checkId' });
    const at = Date.parse(input.at);
    if (at > Date.now() + CLOCK_SLACK_MS) throw new AppError('DATE_ORDER', { field: 'at' });
    const plan = await observationRepository.findPlan(db, check.plan_id);
    // A reading taken before the release and sent after it still counts; one taken after it does not.
    if (check.cancelled === 1 || (plan?.released_at && at >= Date.parse(plan.released_at))) throw new AppError('PERSON_RELEASED', { field: 'checkId' });
    if (check.done_at !== null) throw new AppError('CHECK_DONE', { field: 'checkId' });
    if (!readingFits({ dueAt: check.due_at, day: check.day }, at)) throw new AppError('READING_TOO_EARLY', { field: 'at' });
    if (check.kind === 'temperature' && input.temperature === undefined) throw new AppError('READING_MISSING', { field: 'temperature' });
    if (check.kind === 'test' && input.testResult === undefined) throw new AppError('READING_MISSING', { field: 'testResult' });
    if (check.kind === 'temperature' && input.testResult !== undefined) throw new AppError('INVALID_VALUE', { field: 'testResult', params: { problem: 'validation.testOnTemperature' } });
    if (input.temperature !== undefined && !isPlausibleTemperature(input.temperature)) throw new AppError('TEMPERATURE_MISREAD', { field: 'temperature' });
    const tenths = input.temperature === undefined ? null : toTenths(input.temperature);
    const fever = tenths !== null && isFever(tenths / 10);
    const positive = input.testResult === 'positive';
    await db.transaction().execute(async (trx) => {
      const stored = await observationRepository.recordCheck(trx, check.id, {
        reading_id: input.id, done_at: new Date(at).toISOString(), temp_tenths: tenths, test_result: input.testResult ?? null, note: input.note || null,
        recorded_by: actor.userId, recorded_at: new Date().toISOString(),
      });
      if (!stored) throw new AppError('CHECK_DONE', { field: 'checkId' });
      const name = (await trx.selectFrom('arrivals').select('name').where('id', '=', check.arrival_id).executeTakeFirstOrThrow()).name;
      for (const kind of [...(fever ? ['fever'] : []), ...(positive ? ['positive'] : [])]) {
        await observationRepository.insertAlert(trx, {
          id: uuidv7(), community_id: check.community_id, org_path: check.org_path, kind, arrival_id: check.arrival_id, plan_id: check.plan_id, check_id: check.id,
          name, temp_tenths: tenths, day: check.day, raised_at: new Date().toISOString(), handled_at: null, handled_by: null, note: null,
        });
      }
      await recordAudit(trx, actor, grant, {
        action: 'observation.check', entityType: 'arrival', entityId: check.arrival_id, path: check.org_path,
        after: { checkId: check.id, readingId: input.id, kind: check.kind, fever, positive },
      });
    });
    events.changed(check.community_id);
    return { result: 'stored', ...(fever || positive ? { alert: true } : {}) };
  }

  /** Makes an alert for every check that became overdue without a reading; safe to run from several processes at once. */
  async function sweep(now = new Date()): Promise<number> {
    const due = await observationRepository.overdueUnalerted(db, now.toISOString(), SWEEP_BATCH);
    if (due.length === 0) return 0;
    await db.transaction().execute(async (trx) => {
      await observationRepository.insertAlertsOnce(trx, due.map((c) => ({
        id: uuidv7(), community_id: c.community_id, org_path: c.org_path, kind: 'overdue', arrival_id: c.arrival_id, plan_id: c.plan_id, check_id: c.id,
        name: c.name, temp_tenths: null, day: c.day, raised_at: now.toISOString(), handled_at: null, handled_by: null, note: null,
      })));
      await observationRepository.markAlerted(trx, due.map((c) => c.id));
    });
    for (const community of new Set(due.map((c) => c.community_id))) events.changed(community);
    return due.length;
  }

  return {
    sweep,

    /**
     * A community's news as server-sent events: `changed` when something was
     * recorded, raised or released (pages then fetch what they show), and
     * once a minute, when overdue checks may have come due or another process
     * wrote. For those who read the community's lists.
     */
    async watch(actor: Actor, communityId: string, send: (event: string, data: unknown) => void): Promise<() => void> {
      const unit = await communityFor(db, actor, communityId, 'observation.read');
      send('changed', { at: new Date().toISOString() });
      let pending: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = events.on(unit.id, () => {
        pending ??= setTimeout(() => {
          pending = undefined;
          send('changed', { at: new Date().toISOString() });
        }, 300);
      });
      const tick = setInterval(() => send('changed', { at: new Date().toISOString() }), 60_000);
      return () => {
        unsubscribe();
        clearInterval(tick);
        if (pending) clearTimeout(pending);
      };
    },

    async storeReadings(actor: Actor, items: readonly unknown[], locale: Locale): Promise<ItemResult[]> {
      if (gatePrefixes(actor, 'observation.check').length === 0) throw new AppError('FORBIDDEN');
      // storeEach runs an item again when it lost a race on a unique key: the second run finds the winner's reading.
      return storeEach(items, CheckReadingInput, locale, (input) => storeReading(actor, input));
    },

    /** A worker's own lists (no community given), or a community's (optionally one worker's) for its staff. */
    async list(actor: Actor, query: z.infer<typeof CheckListQuery>): Promise<Check[]> {
      const now = new Date();
      const day = query.day ?? shanghaiDate(now);
      let rows;
      if (query.communityId) {
        const unit = await communityFor(db, actor, query.communityId, 'observation.read');
        rows = await observationRepository.listChecks(db, { workerId: query.workerId, communityPath: unit.path }, query.list, day, now.toISOString());
      } else {
        // One's own checks, but only where one still works: a worker moved to another community no longer sees the first one's people.
        const prefixes = gatePrefixes(actor, 'observation.check');
        if (prefixes.length === 0) throw new AppError('FORBIDDEN');
        rows = await observationRepository.listChecks(db, { workerId: actor.userId, prefixes }, query.list, day, now.toISOString());
      }
      if (rows.length > CHECKS_SHOWN) throw new AppError('LIST_TOO_LONG', { params: { limit: CHECKS_SHOWN } });
      return rows.map((r) => checkOf(r, now.getTime()));
    },

    async alerts(actor: Actor, query: { communityId: string; open?: boolean | undefined }): Promise<z.infer<typeof ObservationAlert>[]> {
      const unit = await communityFor(db, actor, query.communityId, 'observation.manage');
      // Overdue alerts are made by a sweep every minute; one more here makes a list read now never miss a check that just became overdue.
      await sweep();
      return (await observationRepository.alerts(db, unit.id, { open: query.open })).map(alertOf);
    },

    async handleAlert(actor: Actor, id: string, note: string): Promise<z.infer<typeof ObservationAlert>> {
      const alert = await observationRepository.findAlert(db, id);
      if (!alert) throw new AppError('NOT_FOUND');
      const grant = grantOn(actor, 'observation.manage', alert.org_path);
      await db.transaction().execute(async (trx) => {
        if (!(await observationRepository.handleAlert(trx, id, actor.userId, note, new Date().toISOString()))) throw new AppError('ALERT_HANDLED');
        await recordAudit(trx, actor, grant, { action: 'observation.alert.handle', entityType: 'observation_alert', entityId: id, path: alert.org_path, after: { note } });
      });
      events.changed(alert.community_id);
      return alertOf((await observationRepository.alerts(db, alert.community_id, { ids: [id] }))[0]!);
    },

    /** The day's figures of any unit in scope (community, street, district, city): counts only. */
    async figures(actor: Actor, query: { orgId: string; day?: string | undefined }): Promise<z.infer<typeof ObservationFigures>> {
      const unit = await orgRepository.findInScope(db, gatePrefixes(actor, 'observation.figures'), query.orgId);
      if (!unit) throw new AppError('NOT_FOUND', { field: 'orgId' });
      const day = query.day ?? shanghaiDate();
      const f = await observationRepository.figures(db, [unit.path], day, new Date().toISOString());
      return {
        orgId: unit.id, day, registered: { outside: f.registered.outside ?? 0, returnee: f.registered.returnee ?? 0 }, observing: f.observing, released: f.released,
        checksDue: f.checksDue, checksDone: f.checksDone, checksOverdue: f.checksOverdue, fevers: f.fevers, pendingDeclarations: f.pendingDeclarations,
      };
    },
  };
}
