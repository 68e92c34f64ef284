import type { Me } from '../../../contract/auth.ts';
import { hasPermission, useMe } from '../../shared/session.ts';
import { useObservationCommunity } from './observation-community.ts';
import { useObservationAlerts } from './observation.resource.ts';
import { useReadingOutbox } from './reading-outbox.ts';

/** Whether the user works with outside personnel and returnees at all (their lists, or checks to record). */
export const mayObserve = (me: Me | null | undefined) => hasPermission(me, 'observation.read') || hasPermission(me, 'observation.check');

/** How many of the user's readings are still on the phone (the home tile counts them). */
export function useObservationOnPhone(): number {
  return useReadingOutbox().items.length;
}

/** The community lead's open alerts (fever, overdue, positive), so the home tile says so before the page is opened. */
export function useObservationAlertCount(): number {
  const me = useMe();
  const { community } = useObservationCommunity(me.data);
  return useObservationAlerts(community?.id, hasPermission(me.data, 'observation.manage')).data?.length ?? 0;
}
