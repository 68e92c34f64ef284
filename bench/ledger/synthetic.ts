import { checkCharacter } from '../../src/domain/residents/citizen-id.ts';
import { rng } from '../../src/server/modules/demo/demo-identities.ts';
import { nameSearchKeys } from '../../src/domain/residents/search-keys.ts';
import type { Database } from '../../src/db/database.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { identityColumns, phoneColumns } from '../../src/server/modules/ledger/resident-records.ts';
import { residentsRepository, type HouseholdRow, type ResidentRow } from '../../src/server/modules/ledger/residents.repository.ts';
import type { SensitiveBox } from '../../src/server/security/sensitive.ts';

/**
 * A large made-up ledger for measuring: communities of 16 groups under
 * streets of 10 communities, about 2.6 people per household, names from a
 * pool of common surnames and given names. Rows go in through the same
 * repository and column helpers as the application's, in big batches.
 */
const SURNAMES = [...'李王张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许沈曾彭吕苏卢蒋蔡丁魏叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆孔毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易贺龚文'];
const GIVEN = [...'伟强军平勇斌涛超杰辉鹏飞刚峰磊东兵波亮俊丽娟敏静艳娜霞燕萍红玲琳洁婷慧颖倩国建华明德志富贵福生荣庆祥成金水根发宝才春松友文清正光长兴玉海林桂英秀兰芳凤珍菊莲梅'];

export interface SyntheticArea {
  streetPath: string;
  communities: { id: string; path: string; groups: { id: string; path: string }[] }[];
}


let streetsMade = 0;

/** Streets, communities and groups under a district, written as org units (new street codes each call). */
export async function syntheticArea(database: Database, districtPath: string, districtId: string, streets: number, communitiesPerStreet: number): Promise<SyntheticArea[]> {
  const now = new Date().toISOString();
  const districtCode = districtPath.split('/').filter(Boolean).at(-1)!;
  const areas: SyntheticArea[] = [];
  const rows: Parameters<typeof insertUnits>[1] = [];
  for (let s = 0; s < streets; s++) {
    const streetCode = `${districtCode}${String(700 + streetsMade++).padStart(3, '0')}`;
    const street = { id: uuidv7(), code: streetCode, path: `${districtPath}${streetCode}/` };
    rows.push({ id: street.id, parent_id: districtId, kind: 'street', code: streetCode, name: `基准街道${s + 1}`, path: street.path, valid_from: '2000-01-01', valid_to: null, created_at: now, updated_at: now });
    const area: SyntheticArea = { streetPath: street.path, communities: [] };
    for (let c = 0; c < communitiesPerStreet; c++) {
      const code = `${streetCode}${String(c + 1).padStart(3, '0')}`;
      const community = { id: uuidv7(), path: `${street.path}${code}/`, groups: [] as { id: string; path: string }[] };
      rows.push({ id: community.id, parent_id: street.id, kind: 'community', code, name: `基准社区${s + 1}-${c + 1}`, path: community.path, valid_from: '2000-01-01', valid_to: null, created_at: now, updated_at: now });
      for (let g = 1; g <= 16; g++) {
        const gcode = `${code}-${String(g).padStart(2, '0')}`;
        const group = { id: uuidv7(), path: `${community.path}${gcode}/` };
        rows.push({ id: group.id, parent_id: community.id, kind: 'group', code: gcode, name: `第${g}组`, path: group.path, valid_from: '2000-01-01', valid_to: null, created_at: now, updated_at: now });
        community.groups.push(group);
      }
      area.communities.push(community);
    }
    areas.push(area);
  }
  await insertUnits(database, rows);
  return areas;
}

async function insertUnits(database: Database, rows: { id: string; parent_id: string; kind: string; code: string; name: string; path: string; valid_from: string; valid_to: null; created_at: string; updated_at: string }[]) {
  for (let i = 0; i < rows.length; i += 500) await database.db.insertInto('org_units').values(rows.slice(i, i + 500)).execute();
}

export interface Sample {
  name: string;
  idNumber: string;
  phone: string;
  address: string;
}

/**
 * Fills every community of the areas with `perCommunity` residents. Returns a
 * sample of people per community to search for.
 */
export async function syntheticResidents(database: Database, box: SensitiveBox, areas: readonly SyntheticArea[], perCommunity: number, seed = 7): Promise<Map<string, Sample[]>> {
  const rand = rng(seed).next;
  const keys = new Map<string, { initials: string; full: string }>();
  const samples = new Map<string, Sample[]>();
  let serial = 0;
  const today = new Date().toISOString().slice(0, 10);
  for (const area of areas) {
    for (const community of area.communities) {
      const households: HouseholdRow[] = [];
      const residents: ResidentRow[] = [];
      const memberships: Parameters<typeof residentsRepository.insertMemberships>[1][number][] = [];
      const picked: Sample[] = [];
      let made = 0;
      let house = 0;
      while (made < perCommunity) {
        const group = community.groups[house % community.groups.length]!;
        house++;
        const now = new Date().toISOString();
        const h: HouseholdRow = { id: uuidv7(), community_id: community.id, group_id: group.id, org_path: group.path, address: `${Math.floor(house / 16) + 1}号`, address_number: String(Math.floor(house / 16) + 1), head_id: null, created_at: now, updated_at: now };
        households.push(h);
        const size = Math.min(perCommunity - made, 1 + Math.floor(rand() * 4));
        for (let m = 0; m < size; m++) {
          serial++;
          const name = SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]! + (rand() < 0.6 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : '');
          if (!keys.has(name)) keys.set(name, nameSearchKeys(name));
          const k = keys.get(name)!;
          const year = 1930 + Math.floor(rand() * 90);
          const birth = `${year}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
          // The serial keeps the numbers unique: place code and sequence come from it.
          const first17 = `${110000 + (Math.floor(serial / 1000) % 800000)}${birth}${String(serial % 1000).padStart(3, '0')}`;
          const id = first17 + checkCharacter(first17);
          const phone = `1${3 + (serial % 7)}${String(100000000 + serial).slice(-9)}`;
          const relation = m === 0 ? 'head' : m === 1 ? 'spouse' : 'child';
          const row: ResidentRow = {
            id: uuidv7(), community_id: community.id, org_path: group.path, household_id: h.id, relation, name, name_rest: name.slice(1), name_initials: k.initials, name_pinyin: k.full,
            ...identityColumns(box, { value: id, birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`, sex: Number(id[16]) % 2 ? 'male' : 'female' }),
            ...phoneColumns(phone), status: 'living', status_since: today, merged_into: null, tags: '[]', note: null, version: 1, created_at: now, updated_at: now,
          };
          if (m === 0) h.head_id = row.id;
          residents.push(row);
          memberships.push({ id: uuidv7(), resident_id: row.id, household_id: h.id, org_path: group.path, relation, valid_from: '2019-01-01', valid_to: null, end_reason: null });
          if (made % 97 === 0 && picked.length < 60) picked.push({ name, idNumber: id, phone, address: h.address });
          made++;
        }
      }
      await database.db.transaction().execute(async (trx) => {
        await residentsRepository.insertHouseholds(trx, households);
        await residentsRepository.insertMany(trx, residents);
        await residentsRepository.insertMemberships(trx, memberships);
      });
      samples.set(community.id, picked);
    }
  }
  return samples;
}
