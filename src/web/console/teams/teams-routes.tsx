import type { ReactElement } from 'react';
import { Route } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import type { Permission } from '../../../domain/access/roles.ts';
import { hasPermission } from '../../shared/session.ts';
import { NotAllowed } from '../shared/not-found.component.tsx';
import { AreasPage } from './areas/areas.page.tsx';
import { BriefingPage } from './briefing/briefing.page.tsx';
import { VolunteerPosterPage } from './volunteers/volunteer-poster.page.tsx';
import { VolunteersPage } from './volunteers/volunteers.page.tsx';
import { TeamsPage } from './work-teams/teams.page.tsx';

/** Teams, areas and the briefing open with team.read, volunteers with team.manage; what changes things shows only with team.manage (the server checks again). */
const allowed = (me: Me, permission: Permission, page: ReactElement) => (hasPermission(me, permission) ? page : <NotAllowed />);

/** The teams pages inside the console's frame (menu, header). */
export function teamsPageRoutes(me: Me) {
  return (
    <>
      <Route path="teams" element={allowed(me, 'team.read', <TeamsPage me={me} />)} />
      <Route path="teams/volunteers" element={allowed(me, 'team.manage', <VolunteersPage me={me} />)} />
      <Route path="teams/areas" element={allowed(me, 'team.read', <AreasPage me={me} />)} />
      <Route path="teams/briefing" element={allowed(me, 'team.read', <BriefingPage me={me} />)} />
    </>
  );
}

/** The volunteer sign-up poster, on its own page to print. */
export function teamsPrintRoutes(me: Me) {
  return <Route path="teams/volunteers/poster" element={allowed(me, 'team.manage', <VolunteerPosterPage me={me} />)} />;
}
