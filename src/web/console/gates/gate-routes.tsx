import type { ReactElement } from 'react';
import { Route } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import type { Permission } from '../../../domain/access/roles.ts';
import { hasPermission } from '../../shared/session.ts';
import { NotAllowed } from '../shared/not-found.component.tsx';
import { EntrancesPage } from './entrances/entrances.page.tsx';
import { GateLivePage } from './live/live.page.tsx';
import { PassPrintPage } from './passes/pass-print.page.tsx';
import { PassesPage } from './passes/passes.page.tsx';
import { PatrolsPage } from './patrols/patrols.page.tsx';
import { RegisterPrintPage } from './register/register-print.page.tsx';
import { RegisterPage } from './register/register.page.tsx';

const allowed = (me: Me, permission: Permission, page: ReactElement) => (hasPermission(me, permission) ? page : <NotAllowed />);

/** The gate pages inside the console's frame (menu, header). */
export function gatePageRoutes(me: Me) {
  return (
    <>
      <Route path="gates" element={allowed(me, 'gate.view', <GateLivePage me={me} />)} />
      <Route path="gates/entrances" element={allowed(me, 'gate.view', <EntrancesPage me={me} />)} />
      <Route path="gates/passes" element={allowed(me, 'gate.manage', <PassesPage me={me} />)} />
      <Route path="gates/register" element={allowed(me, 'gate.manage', <RegisterPage me={me} />)} />
      <Route path="gates/patrols" element={allowed(me, 'gate.view', <PatrolsPage me={me} />)} />
    </>
  );
}

/** The print views, on their own: nothing but the sheets and a toolbar the printer does not see. */
export function gatePrintRoutes(me: Me) {
  return (
    <>
      <Route path="gates/passes/print" element={allowed(me, 'gate.manage', <PassPrintPage me={me} />)} />
      <Route path="gates/register/print" element={allowed(me, 'gate.manage', <RegisterPrintPage me={me} />)} />
    </>
  );
}
