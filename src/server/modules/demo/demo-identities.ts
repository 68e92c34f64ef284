import { checkCharacter, type Sex } from '../../../domain/residents/citizen-id.ts';

/**
 * The demo ledger's made-up identities: a seeded random source, given names
 * by the fashion of the birth years, places of first registration, birth
 * dates exact to an age on a day, valid ID numbers and mobile numbers, each
 * unique. Pure and deterministic (see demo-ledger.ts).
 */
// ---------------------------------------------------------------- randomness

/** mulberry32: tiny, fast and good enough for demo data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const weighted = (weights: readonly number[]) => {
    let x = next() * weights.reduce((s, w) => s + w, 0);
    for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) < 0) return i;
    return weights.length - 1;
  };
  return {
    next,
    int,
    weighted,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(0, i);
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
}
export type Rng = ReturnType<typeof rng>;

// ---------------------------------------------------------------- identities

export const OLD_MALE = [...'国建华明德志富贵福生荣庆祥成金水根发宝才春松友文清正光长兴玉海林'];
export const OLD_FEMALE = [...'桂英秀兰芳凤珍菊莲梅玉华翠娥春香淑琴云霞仙花'];
export const MID_MALE = [...'伟强军平勇斌涛超杰辉鹏飞刚峰磊东兵波亮俊'];
export const MID_FEMALE = [...'丽娟敏静艳娜霞燕萍红玲琳洁婷慧颖倩'];
export const NEW_MALE = [...'浩宇轩然梓睿子涵博文泽俊熙晨一诺铭嘉'];
export const NEW_FEMALE = [...'欣怡雨萱梓涵诗琪佳悦思彤可馨雅若汐'];

/** Given names follow the fashion of the birth years. */
export function givenName(r: Rng, age: number, sex: Sex): string {
  const male = sex === 'male';
  const pool = age >= 50 ? (male ? OLD_MALE : OLD_FEMALE) : age >= 25 ? (male ? MID_MALE : MID_FEMALE) : male ? NEW_MALE : NEW_FEMALE;
  const first = r.pick(pool);
  if (r.chance(age >= 50 ? 0.3 : 0.15)) return first;
  // Doubled characters (丽丽) are nicknames more than names: keep them rare.
  let second = r.pick(pool);
  if (second === first && r.chance(0.8)) second = r.pick(pool.filter((c) => c !== first));
  return first + second;
}

/** Real mobile prefixes of the three carriers. */
export const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '173', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

export interface Places {
  /** Codes of first registration and their weights. */
  home: readonly (readonly [string, number])[];
  /** Where outside workers and the floating population come from. */
  away: readonly string[];
}
export const ZHONGLU_PLACES: Places = {
  home: [['430211', 85], ['430221', 4], ['430202', 2], ['430203', 2], ['430204', 1], ['430223', 2], ['430281', 2], ['430224', 1], ['430225', 1]],
  away: ['430223', '430224', '430225', '430281', '430381', '430421', '430522', '431121', '430682'],
};
export const CHUANCHANG_PLACES: Places = {
  home: [['420107', 76], ['420106', 5], ['420111', 5], ['420102', 3], ['420103', 2], ['420104', 2], ['420105', 2], ['420115', 2], ['420116', 2], ['420117', 1]],
  away: ['421121', '421182', '420902', '420984', '421002', '421281', '420281', '429004', '411521', '430602', '360429'],
};

export const DAY_MS = 86_400_000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const SINCE_FROM = Date.UTC(2005, 0, 1);
export const SINCE_DAYS = (Date.UTC(2019, 11, 31) - SINCE_FROM) / DAY_MS;

/**
 * A birth date `daysBack` (0–364) days before the `age`th birthday that falls
 * on or before `today`, so the person is exactly `age` on `today` (someone
 * "born" on 29 February in a common year is anchored on the 28th).
 */
export function birthDateFor(today: string, age: number, daysBack: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(y - age, m, 0)).getUTCDate();
  return isoDay(Date.UTC(y - age, m - 1, Math.min(d, lastOfMonth)) - daysBack * DAY_MS);
}

export interface Registry {
  today: string;
  ids: Set<string>;
  phones: Set<string>;
}

/** A GB 11643 number; the sequence is odd for men and moves on (keeping parity) when taken. */
export function citizenId(r: Rng, reg: Registry, place: string, birthDate: string, sex: Sex): string {
  let seq = r.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
  for (;;) {
    const first17 = `${place}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
    if (!reg.ids.has(first17)) {
      reg.ids.add(first17);
      return first17 + checkCharacter(first17);
    }
    seq = (seq + 2) % 1000;
  }
}

export function mobile(r: Rng, reg: Registry): string {
  for (;;) {
    const phone = r.pick(MOBILE_PREFIXES) + String(r.int(0, 99_999_999)).padStart(8, '0');
    // The 13900000xxx series belongs to the demo users.
    if (phone.startsWith('13900000') || reg.phones.has(phone)) continue;
    reg.phones.add(phone);
    return phone;
  }
}

/** Children under 16 have no phone; many of the very old have none either. */
export const phoneChance = (age: number) => (age < 16 ? 0 : age < 18 ? 0.5 : age < 70 ? 0.95 : age < 80 ? 0.7 : 0.4);
