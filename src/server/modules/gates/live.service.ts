import type { Database } from '../../../db/database.ts';
import { grantFor } from '../../../domain/access/scope.ts';
import { gatePrefixes } from '../../../domain/gates/gate-scope.ts';
import { gateFigures, gateTotals } from '../../../domain/gates/live-view.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { LiveGateView } from '../../../contract/gates.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { orgRepository } from '../org/org.repository.ts';
import { describeEntrances } from './entrances.service.ts';
import { entrancesRepository } from './entrances.repository.ts';
import type { GateEvent, GateEvents } from './gate-events.ts';
import { alertOf } from './passages.service.ts';
import { passagesRepository } from './passages.repository.ts';

export interface LiveStreamOptions {
  /** How often the view is computed again with no news in this process (other processes' writes, planned changes coming due). */
  refreshMs?: number;
  /** A comment line keeps proxies from closing a quiet stream. */
  heartbeatMs?: number;
  /** News arriving together is sent as one update. */
  settleMs?: number;
}

export type Send = (event: string, data: unknown) => void;

/**
 * The live gate view (today per entrance: passages by hour, visitors inside,
 * fevers, open alerts) and its stream: a full view on connecting, so a
 * reconnecting page catches up on whatever it missed, then a new view after
 * each change and each alert as it is raised.
 */
export function gateLiveService({ db }: Database, events: GateEvents) {
  /**
   * Views computed in the last moment, shared by every viewer of the same
   * community and day (with or without alerts): after a registration all
   * open pages ask at once, and the database answers once.
   */
  const recent = new Map<string, { at: number; view: Promise<LiveGateView> }>();
  const SHARE_MS = 250;

  async function compute(community: { id: string; name: string; path: string }, day: string, withAlerts: boolean): Promise<LiveGateView> {
    const [entrances, counts, moves, alerts] = await Promise.all([
      entrancesRepository.list(db, [community.path], community.id).then((rows) => describeEntrances(db, rows)),
      passagesRepository.dayCounts(db, community.id, day),
      passagesRepository.visitorMoves(db, community.id, day),
      passagesRepository.alerts(db, [community.path], { communityId: community.id, open: true }),
    ]);
    const figures = gateFigures(entrances, counts, moves, alerts);
    // Parsed by its schema: only the view's own fields leave, whatever the rows carried (the stream has no response schema).
    return LiveGateView.parse({
      communityId: community.id, communityName: community.name, day, generatedAt: new Date().toISOString(),
      entrances: figures,
      totals: { ...gateTotals(figures), openAlerts: alerts.length },
      alerts: withAlerts ? alerts.map(alertOf) : [],
    });
  }

  async function view(actor: Actor, query: { communityId: string; day?: string | undefined }): Promise<LiveGateView> {
    const community = await orgRepository.findInScope(db, gatePrefixes(actor, 'gate.view'), query.communityId);
    if (!community || community.kind !== 'community') throw new AppError('NOT_FOUND', { field: 'communityId' });
    const day = query.day ?? shanghaiDate();
    const withAlerts = grantFor(actor, 'gate.alerts', community.path) !== null;
    const key = `${community.id}|${day}|${withAlerts}`;
    const now = Date.now();
    const shared = recent.get(key);
    if (shared && now - shared.at < SHARE_MS) return shared.view;
    const fresh = compute(community, day, withAlerts);
    recent.set(key, { at: now, view: fresh });
    fresh.catch(() => recent.delete(key));
    for (const [k, v] of recent) if (now - v.at > 10 * SHARE_MS) recent.delete(k);
    return fresh;
  }

  return {
    view,

    /** Starts a stream for one viewer; the returned function ends it. The first view is checked (and may throw) before. */
    async watch(actor: Actor, query: { communityId: string; day?: string | undefined }, send: Send, options: LiveStreamOptions = {}): Promise<() => void> {
      const first = await view(actor, query);
      const receivesAlerts = grantFor(actor, 'gate.alerts', (await orgRepository.findById(db, first.communityId))!.path) !== null;
      let last = JSON.stringify({ ...first, generatedAt: '' });
      let closed = false;
      let pending: ReturnType<typeof setTimeout> | undefined;
      send('view', first);

      const refresh = async () => {
        pending = undefined;
        if (closed) return;
        try {
          const next = await view(actor, query);
          const key = JSON.stringify({ ...next, generatedAt: '' });
          if (!closed && key !== last) {
            last = key;
            send('view', next);
          }
        } catch {
          // A failed refresh (database restarting) is retried at the next news or tick; the page keeps its last view.
        }
      };
      const soon = () => {
        pending ??= setTimeout(() => void refresh(), options.settleMs ?? 300);
      };
      const unsubscribe = events.subscribe(first.communityId, (event: GateEvent) => {
        if (event.type === 'alert' && receivesAlerts) send('alert', event.alert);
        soon();
      });
      const tick = setInterval(() => void refresh(), options.refreshMs ?? 15_000);
      return () => {
        closed = true;
        unsubscribe();
        clearInterval(tick);
        if (pending) clearTimeout(pending);
      };
    },
  };
}
