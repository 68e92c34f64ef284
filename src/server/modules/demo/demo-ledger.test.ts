import { describe, expect, it } from 'vitest';
import { ageOn, isElderlyOn } from '../../../domain/residents/age.ts';
import { isCitizenIdProblem, parseCitizenId } from '../../../domain/residents/citizen-id.ts';
import { CATEGORIES, RELATIONS } from '../../../domain/residents/resident-sheet.ts';
import { DEMO_UNITS } from './demo-data.ts';
import { demoLedger, type DemoCommunityLedger, type DemoResident } from './demo-ledger.ts';

const TODAYS = ['2026-11-25', '2020-02-13'] as const;
const ZHONGLU = '430211003017';
const CHUANCHANG = '420107006001';

const ledgers = new Map<string, DemoCommunityLedger[]>(TODAYS.map((today) => [today, demoLedger(today)]));
const community = (today: string, code: string): DemoCommunityLedger => ledgers.get(today)!.find((c) => c.communityCode === code)!;
const residents = (c: DemoCommunityLedger): DemoResident[] => c.households.flatMap((h) => h.members);
const all = (today: string) => ledgers.get(today)!.flatMap(residents);
const count = (people: DemoResident[], category: string) => people.filter((p) => p.categories.some((c) => c.category === category)).length;

describe('demo ledger', () => {
  it('gives 中路社区 387 households and 1,637 residents over all its current groups', () => {
    const zl = community(TODAYS[0], ZHONGLU);
    expect(zl.households).toHaveLength(387);
    expect(residents(zl)).toHaveLength(1637);
    const current = DEMO_UNITS.filter((u) => u.parent === ZHONGLU && !u.validTo).map((u) => u.code).sort();
    expect(current).toHaveLength(16);
    expect([...new Set(zl.households.map((h) => h.groupCode))].sort()).toEqual(current);
    for (const h of zl.households) expect(h.address).toMatch(/^[1-9]\d*号$/);
    const people = residents(zl);
    const elderly = people.filter((p) => isElderlyOn(p.birthDate, TODAYS[0])).length / people.length;
    expect(elderly).toBeGreaterThanOrEqual(0.15);
    expect(elderly).toBeLessThanOrEqual(0.2);
    expect(count(people, 'returnee')).toBe(8);
    expect(count(people, 'outside_worker')).toBe(6);
    expect(count(people, 'living_alone')).toBeGreaterThan(0);
    expect(count(people, 'disabled')).toBeGreaterThan(0);
    expect(count(people, 'chronic_illness')).toBeGreaterThan(0);
    // Mostly registered in 天元区, a few elsewhere in Hunan.
    const local = people.filter((p) => p.idNumber.startsWith('430211')).length / people.length;
    expect(local).toBeGreaterThan(0.7);
    expect(local).toBeLessThan(1);
    expect(people.every((p) => p.idNumber.startsWith('43'))).toBe(true);
  });

  it.each(TODAYS)('gives 船厂社区 about 4,000 residents and exactly 400 aged 65+ on %s', (today) => {
    const cc = community(today, CHUANCHANG);
    const people = residents(cc);
    expect(people.length).toBeGreaterThanOrEqual(3980);
    expect(people.length).toBeLessThanOrEqual(4020);
    expect(people.filter((p) => isElderlyOn(p.birthDate, today))).toHaveLength(400);
    expect([...new Set(cc.households.map((h) => h.groupCode))].sort()).toEqual(['A', 'B', 'C', 'D'].map((z) => `${CHUANCHANG}-${z}`));
    for (const h of cc.households) expect(h.address).toMatch(/^\d+栋\d单元\d0\d$/);
    expect(count(people, 'living_alone')).toBeGreaterThan(100);
    for (const c of ['floating', 'outside_worker', 'disabled', 'chronic_illness']) expect(count(people, c)).toBeGreaterThan(0);
    expect(people.filter((p) => p.idNumber.startsWith('420107')).length / people.length).toBeGreaterThan(0.6);
  });

  it.each(TODAYS)('makes valid, unique ID numbers, phones and keys (%s)', (today) => {
    const people = all(today);
    // Checked by hand and collected: 11,000 expect() calls would be slow and tell less.
    const wrong: string[] = [];
    const check = (ok: boolean, what: string, p: DemoResident) => ok || wrong.push(`${p.key} ${p.idNumber} ${p.birthDate} ${p.sex} ${p.phone} ${p.since}: ${what}`);
    for (const p of people) {
      const id = parseCitizenId(p.idNumber, today);
      check(!isCitizenIdProblem(id) && id.value === p.idNumber && id.birthDate === p.birthDate && id.sex === p.sex, 'id', p);
      check(p.birthDate >= '1920-01-01', 'born before 1920', p);
      check(/^[\u4e00-\u9fff]{2,3}$/.test(p.name), 'name', p);
      check(p.phone === null || (/^1[3-9]\d{9}$/.test(p.phone) && !p.phone.startsWith('13900000')), 'phone', p);
      check(ageOn(p.birthDate, today) >= 16 || p.phone === null, 'child with a phone', p);
      check(p.since >= p.birthDate && p.since <= today, 'since outside life', p);
      check(p.since === p.birthDate || (p.since >= '2005-01-01' && p.since <= '2019-12-31'), 'since', p);
      for (const c of p.categories) {
        check((CATEGORIES as readonly string[]).includes(c.category), c.category, p);
        check(c.category === 'disabled' ? [1, 2, 3, 4].includes(c.level ?? 0) : c.level === undefined, 'level', p);
      }
    }
    expect(wrong).toEqual([]);
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(people.map((p) => p.idNumber))).toBe(true);
    expect(unique(people.flatMap((p) => (p.phone ? [p.phone] : [])))).toBe(true);
    expect(unique(people.map((p) => p.key))).toBe(true);
    const households = ledgers.get(today)!.flatMap((c) => c.households);
    expect(unique(households.map((h) => h.key))).toBe(true);
    expect(unique(households.map((h) => `${h.groupCode} ${h.address}`))).toBe(true);
  });

  it('builds households that look like families', () => {
    const today = TODAYS[0];
    const age = (p: DemoResident) => ageOn(p.birthDate, today);
    for (const h of ledgers.get(today)!.flatMap((c) => c.households)) {
      const heads = h.members.filter((m) => m.relation === 'head');
      expect(heads).toHaveLength(1);
      const head = heads[0]!;
      expect(age(head)).toBeGreaterThanOrEqual(18);
      const spouses = h.members.filter((m) => m.relation === 'spouse');
      expect(spouses.length).toBeLessThanOrEqual(1);
      for (const s of spouses) {
        expect(s.sex).not.toBe(head.sex);
        expect(Math.abs(age(s) - age(head))).toBeLessThanOrEqual(6);
      }
      for (const m of h.members) {
        expect(RELATIONS).toContain(m.relation);
        // Ages are drawn first, so the gaps hold exactly in whole years.
        if (m.relation === 'child') {
          for (const p of [head, ...spouses]) {
            expect(age(p) - age(m)).toBeGreaterThanOrEqual(20);
            expect(age(p) - age(m)).toBeLessThanOrEqual(40);
          }
        }
        if (m.relation === 'parent') expect(age(m) - age(head)).toBeGreaterThanOrEqual(20);
        if (m.relation === 'grandchild') expect(age(head) - age(m)).toBeGreaterThanOrEqual(40);
        // A living-alone person is the only member of the household.
        if (m.categories.some((c) => c.category === 'living_alone')) {
          expect(h.members).toHaveLength(1);
          expect(m.relation).toBe('head');
        }
      }
    }
  });

  it('is deterministic and fast', () => {
    const started = performance.now();
    const again = demoLedger(TODAYS[0]);
    // Generous against slow CI machines; about 50–150 ms here.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(again).toEqual(ledgers.get(TODAYS[0]));
    // Another day moves the birth dates, not the households.
    const [a, b] = TODAYS.map((t) => community(t, CHUANCHANG).households.map((h) => h.members.map((m) => `${m.key} ${m.name} ${m.relation}`)));
    expect(a).toEqual(b);
  });
});
