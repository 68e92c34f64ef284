import type { ReactElement } from 'react';
import { Route } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import type { Permission } from '../../../domain/access/roles.ts';
import { hasPermission } from '../../shared/session.ts';
import { NotAllowed } from '../shared/not-found.component.tsx';
import { ArrivalRegisterPage } from './arrivals/arrival-register.page.tsx';
import { ArrivalPage } from './arrivals/arrival.page.tsx';
import { ArrivalsPage } from './arrivals/arrivals.page.tsx';
import { ChecksPage } from './checks/checks.page.tsx';
import { DeclarationsPage } from './declarations/declarations.page.tsx';
import { DeclarePosterPage } from './declarations/declare-poster.page.tsx';
import { GroupRegisterPage } from './groups/group-register.page.tsx';
import { GroupPage } from './groups/group.page.tsx';
import { GroupsPage } from './groups/groups.page.tsx';
import { LetterPrintPage } from './letters/letter-print.page.tsx';
import { LetterTemplatePage } from './letters/letter-template.page.tsx';
import { ObservationOverviewPage } from './overview/overview.page.tsx';

const allowed = (me: Me, permission: Permission, page: ReactElement) => (hasPermission(me, permission) ? page : <NotAllowed />);

/** The observation pages inside the console's frame (menu, header). Offices that see figures only get the figures. */
export function observationPageRoutes(me: Me) {
  return (
    <>
      <Route path="observation" element={allowed(me, 'observation.figures', <ObservationOverviewPage me={me} />)} />
      <Route path="observation/arrivals" element={allowed(me, 'observation.read', <ArrivalsPage me={me} />)} />
      <Route path="observation/arrivals/new" element={allowed(me, 'observation.write', <ArrivalRegisterPage me={me} />)} />
      <Route path="observation/arrivals/:id" element={allowed(me, 'observation.read', <ArrivalPage me={me} />)} />
      <Route path="observation/groups" element={allowed(me, 'observation.read', <GroupsPage me={me} />)} />
      <Route path="observation/groups/new" element={allowed(me, 'observation.write', <GroupRegisterPage me={me} />)} />
      <Route path="observation/groups/:id" element={allowed(me, 'observation.read', <GroupPage me={me} />)} />
      <Route path="observation/checks" element={allowed(me, 'observation.read', <ChecksPage me={me} />)} />
      <Route path="observation/declarations" element={allowed(me, 'observation.read', <DeclarationsPage me={me} />)} />
      <Route path="observation/letter" element={allowed(me, 'observation.read', <LetterTemplatePage me={me} />)} />
    </>
  );
}

/** The print views, on their own: the poster and a signed letter, with a toolbar the printer does not see. */
export function observationPrintRoutes(me: Me) {
  return (
    <>
      <Route path="observation/declarations/poster" element={allowed(me, 'observation.read', <DeclarePosterPage me={me} />)} />
      <Route path="observation/letters/:id/print" element={allowed(me, 'observation.read', <LetterPrintPage />)} />
    </>
  );
}
