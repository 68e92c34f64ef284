import type { Role } from '../../../domain/access/roles.ts';
import type { OrgKind } from '../../../domain/org/org-kinds.ts';

/**
 * The two communities of the reports in their real hierarchy. 中路社区 has 16
 * residential groups and lost 3 to land requisition; the report names 大海组,
 * 草塘组 and 草坪组, the other names are made up for the demo. 船厂社区's
 * zones (A–D) are its grids; the report names B 区 and C 区.
 */
export interface DemoUnit {
  code: string;
  name: string;
  kind: OrgKind;
  parent: string | null;
  validFrom?: string;
  validTo?: string;
}

const ZHONGLU = '430211003017';
const CHUANCHANG = '420107006001';

const zhongluGroups = [
  '大海组', '草塘组', '草坪组', '中路组', '新塘组', '桥头组', '枫林组', '石塘组',
  '老屋组', '塘边组', '竹山组', '上冲组', '下冲组', '长岭组', '茶园组', '杨家组',
];
const dissolvedGroups = ['黄泥组', '河边组', '高塘组'];
const chuanchangZones = ['A', 'B', 'C', 'D'];

const two = (n: number) => String(n).padStart(2, '0');

export const DEMO_UNITS: DemoUnit[] = [
  { code: '430000', name: '湖南省', kind: 'province', parent: null },
  { code: '430200', name: '株洲市', kind: 'city', parent: '430000' },
  { code: '430211', name: '天元区', kind: 'district', parent: '430200' },
  { code: '430211003', name: '栗雨街道', kind: 'street', parent: '430211' },
  { code: ZHONGLU, name: '中路社区', kind: 'community', parent: '430211003' },
  ...zhongluGroups.map((name, i): DemoUnit => ({ code: `${ZHONGLU}-${two(i + 1)}`, name, kind: 'group', parent: ZHONGLU, validFrom: '2005-01-01' })),
  ...dissolvedGroups.map((name, i): DemoUnit => ({
    code: `${ZHONGLU}-${two(zhongluGroups.length + i + 1)}`, name, kind: 'group', parent: ZHONGLU, validFrom: '2005-01-01', validTo: '2018-07-01',
  })),
  { code: '420000', name: '湖北省', kind: 'province', parent: null },
  { code: '420100', name: '武汉市', kind: 'city', parent: '420000' },
  { code: '420107', name: '青山区', kind: 'district', parent: '420100' },
  { code: '420107006', name: '青山镇街道', kind: 'street', parent: '420107' },
  { code: CHUANCHANG, name: '船厂社区', kind: 'community', parent: '420107006' },
  ...chuanchangZones.map((z): DemoUnit => ({ code: `${CHUANCHANG}-${z}`, name: `${z}区`, kind: 'grid', parent: CHUANCHANG })),
];

export const CHUANCHANG_PARTY = ['张卫国', '李红军', '王建华', '刘志明', '陈国栋', '杨立新', '赵振华', '黄海波'];
export const CHUANCHANG_VOLUNTEERS = ['吴小燕', '郑晓东', '冯丽萍', '朱文杰', '何雨桐', '许志强', '邓佳怡', '曹宇航', '彭思远', '蒋欣然'];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'zz.city', displayName: '株洲市管理员', role: 'city_admin', unit: '430200' },
  { username: 'zz.district', displayName: '天元区管理员', role: 'district_admin', unit: '430211' },
  { username: 'zz.street', displayName: '栗雨街道管理员', role: 'street_admin', unit: '430211003' },
  { username: 'zl.admin', displayName: '中路社区书记', role: 'community_admin', unit: ZHONGLU },
  ...zhongluGroups.map((name, i): DemoUser => ({ username: `zl.g${two(i + 1)}`, displayName: `${name}网格员`, role: 'grid_worker', unit: `${ZHONGLU}-${two(i + 1)}` })),
  { username: 'zl.team', displayName: '市残联驻社区工作队队员', role: 'team_member', unit: ZHONGLU },
  { username: 'zl.gate', displayName: '中路社区卡点志愿者', role: 'checkpoint_volunteer', unit: ZHONGLU },
  { username: 'zl.biz', displayName: '中路社区企业联络人', role: 'enterprise_contact', unit: ZHONGLU },
  { username: 'wh.city', displayName: '武汉市管理员', role: 'city_admin', unit: '420100' },
  { username: 'wh.district', displayName: '青山区管理员', role: 'district_admin', unit: '420107' },
  { username: 'wh.street', displayName: '青山镇街道管理员', role: 'street_admin', unit: '420107006' },
  { username: 'cc.admin', displayName: '船厂社区书记', role: 'community_admin', unit: CHUANCHANG },
  ...chuanchangZones.map((z): DemoUser => ({ username: `cc.${z.toLowerCase()}`, displayName: `${z}区网格员`, role: 'grid_worker', unit: `${CHUANCHANG}-${z}` })),
  { username: 'cc.team', displayName: '船厂社区工作队队员', role: 'team_member', unit: CHUANCHANG },
  { username: 'cc.gate', displayName: '船厂社区卡点志愿者', role: 'checkpoint_volunteer', unit: CHUANCHANG },
  { username: 'cc.biz', displayName: '船厂社区企业联络人', role: 'enterprise_contact', unit: CHUANCHANG },
  // The 市残联 team at 中路社区 besides zl.team (its leader): 李晓明 broke a shoulder and 孙卫东 replaced him from 17 February.
  ...['周建国', '李晓明', '孙卫东'].map((name, i): DemoUser => ({ username: `zl.tm${i + 1}`, displayName: name, role: 'team_member', unit: ZHONGLU })),
  // Party members sent down (下沉党员) by a nearby shipyard to 船厂社区, and its approved volunteers.
  ...CHUANCHANG_PARTY.map((name, i): DemoUser => ({ username: `cc.p${two(i + 1)}`, displayName: name, role: 'team_member', unit: CHUANCHANG })),
  ...CHUANCHANG_VOLUNTEERS.map((name, i): DemoUser => ({ username: `cc.v${two(i + 1)}`, displayName: name, role: 'checkpoint_volunteer', unit: CHUANCHANG })),
];
