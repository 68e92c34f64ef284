/**
 * The receipt of a self-declaration, kept in the browser so the person can
 * show the reference to the staff after a reload, a closed tab or a phone
 * that went to sleep. One per community page; it holds no more than what the
 * screen showed (the reference, the name typed, the time).
 */
export interface DeclareReceipt {
  reference: string;
  receivedAt: string;
  name: string;
}

const keyOf = (communityId: string) => `linli.declare.receipt.${communityId}`;

export function readReceipt(communityId: string): DeclareReceipt | null {
  try {
    const raw = localStorage.getItem(keyOf(communityId));
    if (!raw) return null;
    const r = JSON.parse(raw) as Partial<DeclareReceipt>;
    return typeof r.reference === 'string' && typeof r.receivedAt === 'string' && typeof r.name === 'string' ? { reference: r.reference, receivedAt: r.receivedAt, name: r.name } : null;
  } catch {
    return null;
  }
}

export function keepReceipt(communityId: string, receipt: DeclareReceipt): void {
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
