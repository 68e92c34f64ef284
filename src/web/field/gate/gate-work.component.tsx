import { useEffect } from 'react';
import { Outlet } from 'react-router-dom';
import { useMe } from '../../shared/session.ts';
import { passageChannel, patrolChannel } from './gate-outbox.ts';
import { mayUseGates, useGateKit, useKitRefreshOnReconnect } from './gate-kit.resource.ts';
import { showResult } from './last-result.ts';

/**
 * Around every signed-in screen, for users with gate or patrol work: keeps the
 * gate kit downloaded and fresh (the revocation list must reach the phone with
 * every sync) and the gate and patrol outboxes flowing, whichever page is open.
 */
export function GateWork() {
  const me = useMe();
  const userId = me.data?.id;
  const enabled = mayUseGates(me.data);
  useGateKit();
  useKitRefreshOnReconnect(enabled);
  passageChannel.useAutoSync(enabled);
  patrolChannel.useAutoSync(enabled);
  // The big verdict panel belongs to the user who scanned: another user signing in starts blank.
  useEffect(() => () => showResult(null), [userId]);
  return <Outlet />;
}
