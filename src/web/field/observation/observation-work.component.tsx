import { Outlet } from 'react-router-dom';
import { hasPermission, useMe } from '../../shared/session.ts';
import { useMyChecks } from './observation.resource.ts';
import { readingChannel } from './reading-outbox.ts';

/**
 * Around every signed-in screen, for workers who record observation checks:
 * keeps their due and overdue lists downloaded (so the round can be done with
 * no network, whichever page was open last) and the readings flowing.
 */
export function ObservationWork() {
  const me = useMe();
  const checks = hasPermission(me.data, 'observation.check');
  useMyChecks('due', checks);
  useMyChecks('overdue', checks);
  readingChannel.useAutoSync(checks);
  return <Outlet />;
}
