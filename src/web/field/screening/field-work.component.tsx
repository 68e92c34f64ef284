import { Outlet } from 'react-router-dom';
import { hasPermission, useMe } from '../../shared/session.ts';
import { useFieldLedger } from '../ledger/ledger.resource.ts';
import { useOutboxSync } from '../offline/outbox-sync.ts';

/**
 * Around every signed-in screen, for users who record visits: keeps the
 * ledger downloaded and fresh (an observer, so it is never dropped from the
 * cache) and the outbox flowing, whichever page is open.
 */
export function FieldWork() {
  const me = useMe();
  useFieldLedger();
  useOutboxSync(hasPermission(me.data, 'screening.visit'));
  return <Outlet />;
}
