import { PRIVATE_PREFIX } from '../offline/query-persistence.ts';

/**
 * The visitors this user registered on this phone in the last days, so a
 * returning visitor is found with no network too (the server's lookup needs
 * one). Personal data: kept per user, for a week, at most a few hundred, and
 * forgotten at sign-out (`forgetQueries` clears the private prefix).
 */
export interface RecentVisitor {
  communityId: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  fromPlace: string;
  purpose: string;
  visiting: string | null;
  at: string;
}

const MAX = 300;
const MAX_AGE_MS = 7 * 86_400_000;
const keyOf = (userId: string) => `${PRIVATE_PREFIX}recentVisitors.${userId}`;

function read(userId: string): RecentVisitor[] {
  try {
    const list = JSON.parse(localStorage.getItem(keyOf(userId)) ?? '[]') as RecentVisitor[];
    const oldest = Date.now() - MAX_AGE_MS;
    return Array.isArray(list) ? list.filter((v) => Date.parse(v.at) >= oldest) : [];
  } catch {
    return [];
  }
}

/** Remembers a registration (newest first; an earlier one of the same person is replaced). */
export function rememberVisitor(userId: string, visitor: RecentVisitor): void {
  const same = (v: RecentVisitor) =>
    v.communityId === visitor.communityId && ((visitor.idNumber !== null && v.idNumber === visitor.idNumber) || (visitor.phone !== null && v.phone === visitor.phone));
  const next = [visitor, ...read(userId).filter((v) => !same(v))].slice(0, MAX);
  try {
    localStorage.setItem(keyOf(userId), JSON.stringify(next));
  } catch {
    // Storage full: the lookup falls back to the server.
  }
}

/** The latest registration of this person in this community on this phone, by ID number or mobile. */
export function findRecentVisitor(userId: string, communityId: string, by: { idNumber?: string | null; phone?: string | null }): RecentVisitor | null {
  return (
    read(userId).find(
      (v) => v.communityId === communityId && ((by.idNumber != null && v.idNumber === by.idNumber) || (by.phone != null && v.phone === by.phone)),
    ) ?? null
  );
}
