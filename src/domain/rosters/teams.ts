/**
 * Work teams stationed at a community (工作队): members join and leave on
 * Asia/Shanghai days; a replacement ends one member's time and starts
 * another's on the same day, with a reason. History is kept, so the team of
 * any past day can be told.
 */
export interface Membership {
  personId: string;
  /** First day on the team. */
  from: string;
  /** First day no longer on it; null while still on it. */
  to: string | null;
  role: 'leader' | 'member';
}

/** Who was on the team on `day`. */
export function teamOn(memberships: readonly Membership[], day: string): Membership[] {
  return memberships.filter((m) => m.from <= day && (m.to === null || day < m.to));
}

export type ReplacementProblem = 'notOnTeam' | 'beforeJoined' | 'alreadyOnTeam';

/**
 * Whether `outgoing` can be replaced by `incoming` from `day`: the outgoing
 * member must be on the team that day and have joined before it (a
 * replacement dated on or before the day the member joined is a mistake: it
 * would leave them no day on the team), and the incoming person must not be
 * on the team then already.
 */
export function replacementProblem(memberships: readonly Membership[], outgoing: string, incoming: string, day: string): ReplacementProblem | null {
  const own = memberships.filter((m) => m.personId === outgoing);
  if (own.length > 0 && own.every((m) => day < m.from)) return 'beforeJoined';
  const current = teamOn(memberships, day);
  const leaving = current.find((m) => m.personId === outgoing);
  if (!leaving) return 'notOnTeam';
  if (day === leaving.from) return 'beforeJoined';
  if (current.some((m) => m.personId === incoming)) return 'alreadyOnTeam';
  return null;
}

/** The memberships after a replacement on `day`: the outgoing member's time ends, the incoming's begins in the same role. */
export function replace(memberships: readonly Membership[], outgoing: string, incoming: string, day: string): Membership[] {
  const problem = replacementProblem(memberships, outgoing, incoming, day);
  if (problem) throw new Error(problem);
  const leaving = teamOn(memberships, day).find((m) => m.personId === outgoing)!;
  return [...memberships.map((m) => (m === leaving ? { ...m, to: day } : m)), { personId: incoming, from: day, to: leaving.to, role: leaving.role }];
}
