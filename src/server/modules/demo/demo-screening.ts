import { checkCharacter } from '../../../domain/residents/citizen-id.ts';
import type { DemoCommunityLedger } from './demo-ledger.ts';

/**
 * A screening round in progress in 中路社区, shaped like the report: on the
 * first day 29 households screened, 6 people registered (2 outside workers,
 * 4 returnees); more the next days; a few households with nobody at home.
 * Pure and deterministic; the loader writes it.
 */
export interface DemoArrival { key: string; name: string; idNumber: string; phone: string; category: 'outside_worker' | 'returnee'; relation: 'other' | 'child' }
export interface DemoVisit {
  key: string;
  householdKey: string;
  groupCode: string;
  /** Days before today. */
  daysAgo: number;
  hour: number;
  outcome: 'visited' | 'nobody_home';
  presentKeys: string[];
  fever: boolean;
  cough: boolean;
  needs: string | null;
  arrivals: DemoArrival[];
}

/** Households screened per day, oldest first; the round started 2 days ago. */
const PER_DAY = [29, 34, 13];
const NEEDS = ['需要代购降压药', '家中口罩不足', '独居老人需每日电话问候', null, null, null, null];
const ARRIVAL_NAMES = ['刘建军', '王海涛', '易小红', '彭志强', '谭丽娟', '罗文斌', '周雅婷', '黄俊杰'];

function arrivalId(place: string, birth: string, seq: number, taken: Set<string>): string {
  for (let s = seq; ; s += 2) {
    const first17 = `${place}${birth}${String(s % 1000).padStart(3, '0')}`;
    const id = first17 + checkCharacter(first17);
    if (!taken.has(id)) return id;
  }
}

export function demoScreening(ledger: DemoCommunityLedger): DemoVisit[] {
  const taken = new Set(ledger.households.flatMap((h) => h.members.map((m) => m.idNumber)));
  const visits: DemoVisit[] = [];
  let next = 0;
  let arrivalsMade = 0;
  PER_DAY.forEach((count, d) => {
    const daysAgo = PER_DAY.length - 1 - d;
    for (let i = 0; i < count; i++) {
      // Every 7th household: a first try with nobody at home, before someone was found.
      const h = ledger.households[(next * 5) % ledger.households.length]!;
      next++;
      if (i % 7 === 3) {
        visits.push({ key: `${h.key}:miss`, householdKey: h.key, groupCode: h.groupCode, daysAgo, hour: 9, outcome: 'nobody_home', presentKeys: [], fever: false, cough: false, needs: null, arrivals: [] });
        // And a household where nobody was found at all: it stays on the list, with its attempt.
        const away = ledger.households[(next * 5 + 2) % ledger.households.length]!;
        visits.push({ key: `${away.key}:away${d}`, householdKey: away.key, groupCode: away.groupCode, daysAgo, hour: 11, outcome: 'nobody_home', presentKeys: [], fever: false, cough: false, needs: null, arrivals: [] });
      }
      const arrivals: DemoArrival[] = [];
      // The first day registers 6 people: 2 outside workers, 4 returnees; later days a couple more.
      const wantArrivals = d === 0 ? (i < 6 ? 1 : 0) : i === 2 || i === 9 ? 1 : 0;
      if (wantArrivals) {
        const n = arrivalsMade++;
        const category = d === 0 ? (n < 2 ? 'outside_worker' : 'returnee') : n % 2 ? 'returnee' : 'outside_worker';
        const place = category === 'outside_worker' ? '430521' : '430211';
        const idNumber = arrivalId(place, `19${85 + (n % 12)}0${1 + (n % 9)}1${n % 10}`, 31 + n * 2, taken);
        taken.add(idNumber);
        arrivals.push({
          key: `${h.key}:arrival`, name: ARRIVAL_NAMES[n % ARRIVAL_NAMES.length]!, idNumber, phone: `1897311${String(1000 + n).slice(-4)}`, category,
          relation: category === 'returnee' ? 'child' : 'other',
        });
      }
      visits.push({
        key: `${h.key}:visit`, householdKey: h.key, groupCode: h.groupCode, daysAgo, hour: 10 + (i % 7),
        outcome: 'visited', presentKeys: h.members.slice(0, Math.max(1, h.members.length - 1)).map((m) => m.key),
        fever: d === 1 && i === 5, cough: i % 11 === 4, needs: NEEDS[i % NEEDS.length]!, arrivals,
      });
    }
  });
  return visits;
}
