/**
 * The receipt of a volunteer sign-up, kept in the browser so the person can
 * show the reference to the community's staff after a reload or a phone that
 * went to sleep. One per community page; no more than the screen showed.
 */
export interface VolunteerReceipt {
  reference: string;
  receivedAt: string;
  name: string;
}

const keyOf = (communityId: string) => `linli.volunteer.receipt.${communityId}`;

export function readReceipt(communityId: string): VolunteerReceipt | null {
  try {
    const raw = localStorage.getItem(keyOf(communityId));
    if (!raw) return null;
    const r = JSON.parse(raw) as Partial<VolunteerReceipt>;
    return typeof r.reference === 'string' && typeof r.receivedAt === 'string' && typeof r.name === 'string' ? { reference: r.reference, receivedAt: r.receivedAt, name: r.name } : null;
  } catch {
    return null;
  }
}

export function keepReceipt(communityId: string, receipt: VolunteerReceipt): void {
  try {
    localStorage.setItem(keyOf(communityId), JSON.stringify(receipt));
  } catch {
    // Storage blocked (private mode): the receipt stays on screen until the page is left.
  }
}

export function forgetReceipt(communityId: string): void {
  try {
    localStorage.removeItem(keyOf(communityId));
  } catch {
    // Nothing kept.
  }
}
