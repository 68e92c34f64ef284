import type { Me } from '../../../contract/auth.ts';

/** The offices' view of a level's reports and totals, the issues sent up and their answers, the rules; the totals' print view. */
export function reportOfficePageRoutes(_me: Me) {
  return null;
}

export function reportOfficePrintRoutes(_me: Me) {
  return null;
}
