/**
 * The receipt of a public form (a self-declaration, a volunteer sign-up), kept
 * in the browser so the person can show the reference to the community's
 * staff after a reload, a closed tab or a phone that went to sleep. One per
 * form and community page; it holds no more than the screen showed (the
 * reference, the name typed, the time).
 */
export interface PublicReceipt {
  reference: string;
  receivedAt: string;
  name: string;
}

/** The receipts of one public form, e.g. publicReceipts('declare'). */
export function publicReceipts(form: 'declare' | 'volunteer') {
  const keyOf = (communityId: string) => `linli.${form}.receipt.${communityId}`;
  return {
    read(communityId: string): PublicReceipt | null {
      try {
        const raw = localStorage.getItem(keyOf(communityId));
        if (!raw) return null;
        const r = JSON.parse(raw) as Partial<PublicReceipt>;
        return typeof r.reference === 'string' && typeof r.receivedAt === 'string' && typeof r.name === 'string' ? { reference: r.reference, receivedAt: r.receivedAt, name: r.name } : null;
      } catch {
        return null;
      }
    },
    keep(communityId: string, receipt: PublicReceipt): void {
      try {
        localStorage.setItem(keyOf(communityId), JSON.stringify(receipt));
      } catch {
        // Storage blocked (private mode): the receipt stays on screen until the page is left.
      }
    },
    forget(communityId: string): void {
      try {
        localStorage.removeItem(keyOf(communityId));
      } catch {
        // Nothing kept.
      }
    },
  };
}
