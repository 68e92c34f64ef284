import type { Me } from '../../../contract/auth.ts';

/** A community's (or its work team's) daily report: write, submit, correct; its print view. */
export function reportWritePageRoutes(_me: Me) {
  return null;
}

export function reportWritePrintRoutes(_me: Me) {
  return null;
}
