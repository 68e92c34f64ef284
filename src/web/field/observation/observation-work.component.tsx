import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Outlet } from 'react-router-dom';
import { hasPermission, useMe } from '../../shared/session.ts';
import { dropOldCheckLists, useMyCheckLists } from './observation.resource.ts';
import { readingChannel } from './reading-outbox.ts';

/**
 * Around every signed-in screen, for workers who record observation checks:
 * keeps their lists downloaded, today's and tomorrow's due checks included
 * (so the round can be done with no network, whichever page was open last,
 * the next morning too), drops lists of days gone by, and keeps the readings
 * flowing.
 */
export function ObservationWork() {
  const me = useMe();
  const checks = hasPermission(me.data, 'observation.check');
  readingChannel.useAutoSync(checks);
  return (
    <>
      <KeptCheckLists enabled={checks} />
      <Outlet />
    </>
  );
}

/** Beside the screens rather than around them: its clock ticks every minute without drawing every screen again. */
function KeptCheckLists({ enabled }: { enabled: boolean }) {
  const client = useQueryClient();
  const { today } = useMyCheckLists(enabled);
  useEffect(() => dropOldCheckLists(client, today), [client, today]);
  return null;
}
