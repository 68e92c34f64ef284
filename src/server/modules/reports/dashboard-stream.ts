import type { Database } from '../../../db/database.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import type { Actor } from '../../actor.ts';
import type { CommunityNews } from '../../community-news.ts';
import type { SendEvent } from '../../event-stream.ts';
import { levelOf, levelUnit } from './level-units.ts';

/** A busy city changes many times a second: its pages hear at most one `changed` this often, and re-read then. */
const AT_MOST_EVERY_MS = 2_000;

/**
 * News for the live pages of a level (dashboard, reports list, a community's
 * report): `changed` when anything changes at one of its communities — a
 * passage, a reading, a report, an answer. The pages re-read what they show;
 * the event carries no data, so nobody learns more than their reads allow.
 */
export function dashboardStream({ db }: Database, news: CommunityNews) {
  return {
    async watch(actor: Actor, q: { orgId: string }, send: SendEvent): Promise<() => void> {
      const level = await levelOf(db, await levelUnit(db, actor, q.orgId), shanghaiDate());
      const watched = new Set(level.communities.map((c) => c.id));
      let timer: ReturnType<typeof setTimeout> | undefined;
      let last = 0;
      const flush = () => {
        timer = undefined;
        last = Date.now();
        send('changed', { at: new Date(last).toISOString() });
      };
      const stop = news.onAny((communityId) => {
        if (!watched.has(communityId) || timer) return;
        timer = setTimeout(flush, Math.max(0, last + AT_MOST_EVERY_MS - Date.now()));
      });
      send('ready', { at: new Date().toISOString(), communities: watched.size });
      return () => {
        stop();
        if (timer) clearTimeout(timer);
      };
    },
  };
}
