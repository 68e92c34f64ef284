import { Route } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import { hasPermission } from '../../shared/session.ts';
import { NotAllowed } from '../shared/not-found.component.tsx';
import { OnDutyPage } from './now/on-duty.page.tsx';
import { RosterPrintPage } from './print/roster-print.page.tsx';
import { readsSheet } from './roster-scope.ts';
import { SwapsPage } from './swaps/swaps.page.tsx';
import { RosterWeekPage } from './week/roster-week.page.tsx';

/** The roster pages inside the console's frame; whoever reads teams reads rosters (the server checks again). */
export function rosterPageRoutes(me: Me) {
  const ok = hasPermission(me, 'team.read');
  return (
    <>
      <Route path="rosters" element={ok ? <RosterWeekPage me={me} /> : <NotAllowed />} />
      <Route path="rosters/swaps" element={ok ? <SwapsPage me={me} /> : <NotAllowed />} />
      <Route path="rosters/now" element={ok ? <OnDutyPage me={me} /> : <NotAllowed />} />
    </>
  );
}

/** The print view, on its own: the sheet (phones in full, for those who may reveal them) and a toolbar the printer does not see. */
export function rosterPrintRoutes(me: Me) {
  return <Route path="rosters/print" element={readsSheet(me) ? <RosterPrintPage me={me} /> : <NotAllowed />} />;
}
