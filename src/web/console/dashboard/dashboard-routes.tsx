import type { Me } from '../../../contract/auth.ts';

/** Today at a glance for the user's level, live. */
export function dashboardPageRoutes(_me: Me) {
  return null;
}
