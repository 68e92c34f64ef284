import type { FieldLedger } from '../../../contract/ledger.ts';

type Household = FieldLedger['households'][number];
type Member = Household['members'][number];

/**
 * Finds people in the ledger kept on the phone, while typing and with no
 * network, the way a grid worker types with one thumb (the same readings as
 * the server's search, src/domain/residents/search-query.ts):
 * - letters: a prefix of the pinyin initials (zsg → 张树根) or of the full
 *   pinyin (zhangs…);
 * - Chinese: part of the name, else part of the address;
 * - 4 digits (or 3 and an X): the last 4 of an ID number or a phone, which the
 *   masked values show anyway, and house numbers containing them;
 * - a whole ID or mobile number: its visible first 3 and last 4;
 * - anything else: part of the address.
 * A person is a hit; an address hit is the household, shown once.
 */
export type LedgerHit =
  | { kind: 'member'; member: Member; household: Household; rank: number }
  | { kind: 'household'; household: Household; rank: number };

const CJK = /[\u3400-\u9fff]/;

/** Lower rank first: exact initials, then prefixes, then parts. */
function memberRank(m: Member, q: string): number | null {
  if (/^[a-z]+$/.test(q)) {
    if (m.initials === q) return 0;
    if (m.initials.startsWith(q)) return 1;
    if (m.pinyin.startsWith(q)) return 2;
    return null;
  }
  if (CJK.test(q)) {
    if (m.name === q) return 0;
    if (m.name.startsWith(q)) return 1;
    if (m.name.includes(q)) return 2;
    return null;
  }
  const compact = q.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{3}[\dX]$/.test(compact)) {
    return m.idMasked.toUpperCase().endsWith(compact) || (m.phoneMasked?.endsWith(compact) ?? false) ? 1 : null;
  }
  if (/^\d{17}[\dX]$/.test(compact)) {
    const masked = m.idMasked.toUpperCase();
    return masked.startsWith(compact.slice(0, 3)) && masked.endsWith(compact.slice(-4)) ? 0 : null;
  }
  if (/^1\d{10}$/.test(compact) && m.phoneMasked) {
    return m.phoneMasked.startsWith(compact.slice(0, 3)) && m.phoneMasked.endsWith(compact.slice(-4)) ? 0 : null;
  }
  return null;
}

export function searchLedger(ledger: FieldLedger, text: string, limit = 50): { hits: LedgerHit[]; total: number } {
  const raw = text.trim();
  if (!raw) return { hits: [], total: 0 };
  const letters = /^[a-zA-Z' ]+$/.test(raw);
  const q = letters ? raw.toLowerCase().replace(/[^a-z]/g, '') : raw.replace(/\s+/g, ' ');
  if (!q) return { hits: [], total: 0 };

  const hits: LedgerHit[] = [];
  for (const household of ledger.households) {
    let memberHit = false;
    for (const member of household.members) {
      const rank = memberRank(member, q);
      if (rank === null) continue;
      memberHit = true;
      hits.push({ kind: 'member', member, household, rank });
    }
    // Letters never mean an address; a house already listed through a person needs no second row.
    if (!letters && !memberHit && household.address.includes(q)) hits.push({ kind: 'household', household, rank: 3 });
  }
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  hits.sort((a, b) => a.rank - b.rank || collator.compare(a.household.address, b.household.address));
  return { hits: hits.slice(0, limit), total: hits.length };
}
