import { ELDERLY_AGE } from '../../../domain/residents/age.ts';
import type { Sex } from '../../../domain/residents/citizen-id.ts';
import { CATEGORIES, type Category, type Relation, type SheetCategory } from '../../../domain/residents/resident-sheet.ts';
import { birthDateFor, CHUANCHANG_PLACES, citizenId, DAY_MS, givenName, isoDay, mobile, phoneChance, type Places, type Registry, rng, type Rng, SINCE_DAYS, SINCE_FROM, ZHONGLU_PLACES } from './demo-identities.ts';

/**
 * The demo household ledger of the two communities, made up but shaped like
 * the real reports: 中路社区 has 387 households and 1,637 residents, 船厂社区
 * about 4,000 residents of whom exactly 400 are 65 or older.
 *
 * Pure and deterministic. Everybody's age is drawn first and the birth date
 * is placed inside that age year counted back from `today`, so the structure
 * (households, names, ages, phones, categories) is the same for any `today`
 * and the 65+ figure stays exact; only birth dates and ID numbers move.
 */
export interface DemoResident {
  key: string;
  name: string;
  idNumber: string;
  birthDate: string;
  sex: Sex;
  phone: string | null;
  relation: Relation;
  categories: SheetCategory[];
  since: string;
}

export interface DemoHousehold {
  key: string;
  groupCode: string;
  address: string;
  members: DemoResident[];
}

export interface DemoCommunityLedger {
  communityCode: string;
  households: DemoHousehold[];
}

const ZHONGLU = '430211003017';
const CHUANCHANG = '420107006001';
export const ZHONGLU_HOUSEHOLDS = 387;
export const ZHONGLU_RESIDENTS = 1637;
export const CHUANCHANG_RESIDENTS = 4000;
export const CHUANCHANG_ELDERLY = 400;

// ---------------------------------------------------------------- families

/** A member before it gets a name, a birth date and an ID number. */
interface Person {
  relation: Relation;
  age: number;
  sex: Sex;
  surname: string;
  categories: SheetCategory[];
}

const SURNAMES = [...'李王张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许沈曾彭吕苏卢蒋蔡丁魏叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆孔毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易贺龚文'];
/** Villages are clan settlements: most households of a group share one surname (杨家组: 杨). */
const CLANS = [...'易彭谭刘罗李周曾黄陈唐龙邓胡文杨'];
const opposite = (s: Sex): Sex => (s === 'male' ? 'female' : 'male');
const RANK: Record<Relation, number> = { head: 0, spouse: 1, parent: 2, grandparent: 2, sibling: 3, child: 4, child_in_law: 5, grandchild: 6, other: 7 };

/** How a community's households tend to look. */
interface Style {
  surname: () => string;
  /** Chance that someone living alone is 65 or older. */
  oldAlone: number;
  /** Weight of households headed by someone over 60. */
  old: number;
  /** Weight of a head's parent living in. */
  parents: number;
  /** Most children of a couple (in town mostly one, the one-child policy). */
  kids: number;
}

/** Heads of about 22–42, 43–60 and 61–88: young families, families with grown children, old couples. */
const HEAD_AGES = [[22, 42], [43, 60], [61, 88]] as const;
/** How each generation grows: [parent of head, child, child's spouse, grandchild]. */
const GROWTH = [[1.2, 3, 0, 0], [1, 3, 2, 3], [0.1, 2, 3, 3]] as const;

/**
 * One household of exactly `size` people, nobody older than `maxAge`, or
 * null when the draws cannot reach the size (the caller draws again).
 * Spouses are of opposite sex within 5 years; children are 20–40 years
 * younger than both parents.
 */
function tryFamily(r: Rng, size: number, maxAge: number, style: Style): Person[] | null {
  const person = (relation: Relation, age: number, sex: Sex, name: string): Person => ({ relation, age, sex, surname: name, categories: [] });
  const other = (not: string) => {
    let s = r.pick(SURNAMES);
    while (s === not) s = r.pick(SURNAMES);
    return s;
  };
  if (size === 1) {
    // Old people living alone are the ones the reports count (独居老人).
    const old = maxAge >= ELDERLY_AGE && r.chance(style.oldAlone);
    const head = person('head', old ? r.int(ELDERLY_AGE, Math.min(92, maxAge)) : r.int(20, Math.min(64, maxAge)), r.chance(old ? 0.62 : 0.45) ? 'female' : 'male', style.surname());
    if (old) head.categories.push({ category: 'living_alone' });
    return [head];
  }
  const gen = r.weighted(size === 2 ? [3, 3, 4 * style.old] : size <= 5 ? [5, 3.5, 1.5 * style.old] : [3, 4, 3 * style.old]);
  const [lo, hi] = HEAD_AGES[gen]!;
  if (lo > maxAge) return null;
  const married = r.chance(gen === 2 ? 0.7 : 0.9);
  const headSex: Sex = married ? (r.chance(0.85) ? 'male' : 'female') : r.chance(0.5) ? 'male' : 'female';
  const head = person('head', r.int(lo, Math.min(hi, maxAge)), headSex, style.surname());
  const members = [head];
  let couple = [head];
  if (married) {
    const gap = r.int(0, 5);
    const age = Math.min(maxAge, Math.max(20, head.sex === 'male' ? head.age - gap : head.age + gap));
    const spouse = person('spouse', age, opposite(head.sex), other(head.surname));
    members.push(spouse);
    couple = [head, spouse];
  }
  // Children take the father's surname.
  const father = couple.find((p) => p.sex === 'male') ?? head;
  const kidsFrom = (ps: Person[]) => [Math.max(0, ...ps.map((p) => p.age - 40)), Math.min(maxAge, ...ps.map((p) => p.age - 20))] as const;
  const [kidLo, kidHi] = kidsFrom(couple);
  // A couple of 27 has one or two small children, not four.
  const maxKids = Math.min(style.kids, 1 + Math.floor((kidHi - kidLo) / 4));
  const parentLo = head.age + 20;
  const parentHi = Math.min(head.age + 40, maxAge);
  const parents: Person[] = [];
  const kids: Person[] = [];
  let marriedKid: [Person, Person] | undefined;
  let grandkids = 0;

  while (members.length < size) {
    const grand = marriedKid ? kidsFrom(marriedKid) : [1, 0];
    const weights = GROWTH[gen]!.map((w, action) => {
      const possible = [
        parents.length < 2 && parentLo <= parentHi,
        kids.length < maxKids && kidLo <= kidHi,
        !marriedKid && kids.some((k) => k.age >= 22),
        marriedKid && grandkids < 4 && grand[0] <= grand[1],
      ][action];
      return possible ? (action === 0 ? w * style.parents : w) : 0;
    });
    if (weights.every((w) => w === 0)) return null;
    const action = r.weighted(weights);
    if (action === 0) {
      // The second parent is the first one's spouse: opposite sex, similar age.
      const first = parents[0];
      const age = first ? Math.min(parentHi, Math.max(parentLo, first.age + r.int(-4, 4))) : r.int(parentLo, Math.min(parentHi, head.age + 36));
      const sex = first ? opposite(first.sex) : r.chance(0.6) ? 'female' : 'male';
      const p = person('parent', age, sex, sex === 'male' ? head.surname : other(head.surname));
      parents.push(p);
      members.push(p);
    } else if (action === 1) {
      const k = person('child', r.int(kidLo, kidHi), r.chance(0.52) ? 'male' : 'female', father.surname);
      kids.push(k);
      members.push(k);
    } else if (action === 2) {
      // Mostly a son who brought his wife home (儿媳), sometimes a son-in-law (女婿).
      const grown = kids.filter((k) => k.age >= 22);
      const sons = grown.filter((k) => k.sex === 'male');
      const kid = sons.length > 0 && r.chance(0.8) ? r.pick(sons) : r.pick(grown);
      const gap = r.int(0, 4);
      const age = Math.min(maxAge, Math.max(20, kid.sex === 'male' ? kid.age - gap : kid.age + gap));
      const inLaw = person('child_in_law', age, opposite(kid.sex), other(kid.surname));
      marriedKid = [kid, inLaw];
      members.push(inLaw);
    } else {
      const dad = marriedKid!.find((p) => p.sex === 'male')!;
      members.push(person('grandchild', r.int(grand[0], grand[1]), r.chance(0.52) ? 'male' : 'female', dad.surname));
      grandkids++;
    }
  }
  return members.sort((a, b) => RANK[a.relation] - RANK[b.relation] || b.age - a.age);
}

function family(r: Rng, size: number, maxAge: number, style: Style): Person[] {
  for (let attempt = 0; attempt < 100; attempt++) {
    const f = tryFamily(r, size, maxAge, style);
    if (f) return f;
  }
  throw new Error(`no family of ${size} under ${maxAge}`);
}

const elderlyIn = (f: Person[]) => f.filter((p) => p.age >= ELDERLY_AGE).length;

// ---------------------------------------------------------------- categories

const has = (p: Person, c: Category) => p.categories.some((x) => x.category === c);

/** Disability (with its certificate level) and chronic illness, more common with age. */
function addHealth(r: Rng, people: Person[]) {
  for (const p of people) {
    if (p.age >= 3 && r.chance(0.022)) p.categories.push({ category: 'disabled', level: r.weighted([1, 2, 3.5, 3.5]) + 1 });
    if (r.chance(p.age >= ELDERLY_AGE ? 0.24 : p.age >= 45 ? 0.08 : 0)) p.categories.push({ category: 'chronic_illness' });
  }
}

/** Tags exactly `count` people drawn from those who fit (at most one kind of mobility each). */
function tagExactly(r: Rng, people: Person[], count: number, category: Category, fits: (p: Person) => boolean) {
  const mobile = (p: Person) => has(p, 'returnee') || has(p, 'outside_worker') || has(p, 'floating');
  for (const p of r.shuffle(people.filter((p) => fits(p) && !mobile(p))).slice(0, count)) p.categories.push({ category });
}


function household(r: Rng, reg: Registry, places: Places, plan: Person[], key: string, groupCode: string, address: string): DemoHousehold {
  const moved = SINCE_FROM + r.int(0, SINCE_DAYS) * DAY_MS;
  const members = plan.map((p, i): DemoResident => {
    const birthDate = birthDateFor(reg.today, p.age, r.int(0, 364));
    const away = has(p, 'outside_worker') || has(p, 'floating');
    const place = away ? r.pick(places.away) : places.home[r.weighted(places.home.map(([, w]) => w))]![0];
    const idNumber = citizenId(r, reg, place, birthDate, p.sex);
    const phone = r.chance(phoneChance(p.age)) ? mobile(r, reg) : null;
    // Most members came with the household; some married in or moved in later.
    const joined = isoDay(r.chance(0.75) ? moved : SINCE_FROM + r.int(0, SINCE_DAYS) * DAY_MS);
    const since = [birthDate, joined < reg.today ? joined : reg.today].sort()[1]!;
    const categories = [...p.categories].sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
    return { key: `${key}-${i + 1}`, name: p.surname + givenName(r, p.age, p.sex), idNumber, birthDate, sex: p.sex, phone, relation: p.relation, categories, since };
  });
  return { key, groupCode, address, members };
}

// ---------------------------------------------------------------- communities

const two = (n: number) => String(n).padStart(2, '0');
/** The oldest demo resident; with ages up to 95 nobody is born before 1920 for any `today` from 2016. */
const maxAgeOn = (today: string) => Math.min(95, Number(today.slice(0, 4)) - 1921);

/** Rural: bigger households, several generations under one roof. Weights of sizes 1–8. */
const RURAL_SIZES = [8, 13, 16, 22, 22, 13, 6, 2];
/** Urban: many old people alone or in couples, small families. */
const URBAN_SIZES = [24, 31, 27, 10, 5, 2, 1];

/** 中路社区: exactly 387 households and 1,637 residents over its 16 current groups. */
function zhonglu(today: string, reg: Registry): DemoCommunityLedger {
  const r = rng(0x2d1a_0387);
  const maxAge = maxAgeOn(today);
  const sizes = Array.from({ length: ZHONGLU_HOUSEHOLDS }, () => r.weighted(RURAL_SIZES) + 1);
  // Nudge random households (never making or unmaking a single) until the residents add up.
  for (let total = sizes.reduce((s, n) => s + n, 0); total !== ZHONGLU_RESIDENTS; ) {
    const i = r.int(0, sizes.length - 1);
    const n = sizes[i]!;
    const step = total < ZHONGLU_RESIDENTS ? (n >= 2 && n < 8 ? 1 : 0) : n > 2 ? -1 : 0;
    sizes[i] = n + step;
    total += step;
  }
  // Uneven groups, none empty: 10 households each, the rest by weight.
  const weights = CLANS.map(() => 0.3 + r.next() * 1.4);
  const perGroup = CLANS.map(() => 10);
  for (let i = perGroup.length * 10; i < ZHONGLU_HOUSEHOLDS; i++) perGroup[r.weighted(weights)]!++;

  const plans: { group: number; plan: Person[] }[] = [];
  let next = 0;
  perGroup.forEach((count, group) => {
    // Young people leave for the cities: the village keeps its old, often alone.
    const style: Style = { surname: () => (r.chance(0.55) ? CLANS[group]! : r.pick(SURNAMES)), oldAlone: 0.7, old: 1.1, parents: 1.4, kids: 3 };
    for (let i = 0; i < count; i++) plans.push({ group, plan: family(r, sizes[next++]!, maxAge, style) });
  });

  const c = rng(0x2d1a_ca7e);
  const people = plans.flatMap((p) => p.plan);
  addHealth(c, people);
  tagExactly(c, people, 8, 'returnee', (p) => p.age >= 20 && p.age <= 50);
  tagExactly(c, people, 6, 'outside_worker', (p) => p.age >= 20 && p.age <= 55);

  const id = rng(0x2d1a_1d00);
  const houseNo = CLANS.map(() => 0);
  const numbered = CLANS.map(() => 0);
  const households = plans.map(({ group, plan }) => {
    // House numbers run along the road with gaps for empty or demolished houses.
    houseNo[group]! += 1 + (id.chance(0.25) ? id.int(1, 3) : 0);
    const key = `zl-${two(group + 1)}-${String(++numbered[group]!).padStart(3, '0')}`;
    return household(id, reg, ZHONGLU_PLACES, plan, key, `${ZHONGLU}-${two(group + 1)}`, `${houseNo[group]}号`);
  });
  return { communityCode: ZHONGLU, households };
}

/** Flats of one grid in order: 1栋1单元101, 1栋1单元102, …, skipping empty ones. */
function flats(r: Rng): () => string {
  let building = 0;
  const slots: string[] = [];
  return () => {
    while (slots.length === 0) {
      building++;
      const units = r.int(2, 4);
      const floors = r.int(6, 7);
      for (let u = 1; u <= units; u++)
        for (let f = 1; f <= floors; f++) for (let room = 1; room <= 2; room++) if (!r.chance(0.15)) slots.push(`${building}栋${u}单元${f}${two(room)}`);
    }
    return slots.shift()!;
  };
}

/**
 * 船厂社区: about 4,000 residents and exactly 400 of 65 or more. Households
 * are drawn while room is left; once a household would pass the 400, it is
 * drawn again without old people, and the old people still missing at the
 * end live alone.
 */
function chuanchang(today: string, reg: Registry): DemoCommunityLedger {
  const r = rng(0xc4a0_4000);
  const maxAge = maxAgeOn(today);
  const style: Style = { surname: () => r.pick(SURNAMES), oldAlone: 0.55, old: 0.35, parents: 0.25, kids: 2 };
  const plans: Person[][] = [];
  let residents = 0;
  let elderly = 0;
  while (residents + (CHUANCHANG_ELDERLY - elderly) < CHUANCHANG_RESIDENTS) {
    const size = r.weighted(URBAN_SIZES) + 1;
    let plan = family(r, size, maxAge, style);
    if (elderly + elderlyIn(plan) > CHUANCHANG_ELDERLY) plan = family(r, size, ELDERLY_AGE - 1, style);
    plans.push(plan);
    residents += plan.length;
    elderly += elderlyIn(plan);
  }
  for (; elderly < CHUANCHANG_ELDERLY; elderly++) {
    plans.push([{ relation: 'head', age: r.int(ELDERLY_AGE, Math.min(92, maxAge)), sex: r.chance(0.62) ? 'female' : 'male', surname: style.surname(), categories: [{ category: 'living_alone' }] }]);
  }
  r.shuffle(plans);

  const c = rng(0xc4a0_ca7e);
  const people = plans.flat();
  addHealth(c, people);
  // Floating population comes as whole families renting a flat.
  const renters = c.shuffle(plans.filter((p) => p[0]!.age <= 50 && p.every((m) => m.age < 60))).slice(0, 40);
  for (const p of renters) for (const m of p) m.categories.push({ category: 'floating' });
  tagExactly(c, people, 30, 'outside_worker', (p) => p.age >= 20 && p.age <= 55);

  const id = rng(0xc4a0_1d00);
  const grids = ['A', 'B', 'C', 'D'];
  const weights = [1.1, 1.4, 1.2, 0.8];
  const nextFlat = grids.map(() => flats(id));
  const numbered = grids.map(() => 0);
  const households = plans.map((plan) => {
    const g = id.weighted(weights);
    const key = `cc-${grids[g]}-${String(++numbered[g]!).padStart(4, '0')}`;
    return household(id, reg, CHUANCHANG_PLACES, plan, key, `${CHUANCHANG}-${grids[g]}`, nextFlat[g]!());
  });
  return { communityCode: CHUANCHANG, households };
}

/** Both communities' households as of `today` (YYYY-MM-DD). */
export function demoLedger(today: string): DemoCommunityLedger[] {
  const reg: Registry = { today, ids: new Set(), phones: new Set() };
  return [zhonglu(today, reg), chuanchang(today, reg)];
}
