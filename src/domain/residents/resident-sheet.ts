import { isCitizenIdProblem, parseCitizenId, type Sex } from './citizen-id.ts';

/**
 * The resident sheet as communities already keep it in Excel: the columns of
 * the import template and of the export, and the checks of one row. Pure:
 * the caller supplies the community's groups and today's date.
 */
export const RESIDENT_COLUMNS = ['姓名', '身份证号', '联系电话', '居民小组', '门牌号', '与户主关系', '人员类别', '备注'] as const;
export type ResidentColumn = (typeof RESIDENT_COLUMNS)[number];

/** Other headers seen in the wild for the same columns. */
const ALIASES: Record<string, ResidentColumn> = {
  name: '姓名', 身份证: '身份证号', 身份证号码: '身份证号', 公民身份号码: '身份证号', id: '身份证号', id_number: '身份证号',
  电话: '联系电话', 手机: '联系电话', 手机号: '联系电话', 联系方式: '联系电话', mobile: '联系电话', phone: '联系电话',
  小组: '居民小组', 组别: '居民小组', 网格: '居民小组', group: '居民小组', grid: '居民小组',
  住址: '门牌号', 地址: '门牌号', 门牌: '门牌号', address: '门牌号', house_no: '门牌号',
  关系: '与户主关系', relation: '与户主关系', 类别: '人员类别', 人员类型: '人员类别', categories: '人员类别', note: '备注', 说明: '备注',
};

export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'child_in_law', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

const RELATION_WORDS: Record<string, Relation> = {
  户主: 'head', 本人: 'head', 配偶: 'spouse', 妻: 'spouse', 妻子: 'spouse', 夫: 'spouse', 丈夫: 'spouse',
  子: 'child', 女: 'child', 儿子: 'child', 女儿: 'child', 长子: 'child', 次子: 'child', 长女: 'child', 次女: 'child', 子女: 'child',
  父亲: 'parent', 母亲: 'parent', 父: 'parent', 母: 'parent', 父母: 'parent',
  孙子: 'grandchild', 孙女: 'grandchild', 外孙: 'grandchild', 外孙女: 'grandchild',
  祖父: 'grandparent', 祖母: 'grandparent', 外祖父: 'grandparent', 外祖母: 'grandparent',
  兄: 'sibling', 弟: 'sibling', 姐: 'sibling', 妹: 'sibling', 兄弟: 'sibling', 姐妹: 'sibling', 兄弟姐妹: 'sibling',
  儿媳: 'child_in_law', 女婿: 'child_in_law', 其他: 'other', 其它: 'other',
};

/** Typed categories; "elderly 65+" is derived from the birth date, never typed. */
export const CATEGORIES = ['living_alone', 'disabled', 'chronic_illness', 'outside_worker', 'returnee', 'floating'] as const;
export type Category = (typeof CATEGORIES)[number];

const CATEGORY_WORDS: Record<string, Category> = {
  独居: 'living_alone', 独居老人: 'living_alone', 残疾: 'disabled', 残疾人: 'disabled', 慢性病: 'chronic_illness', 慢病: 'chronic_illness',
  外来人员: 'outside_worker', 外来务工: 'outside_worker', 外来: 'outside_worker', 返乡人员: 'returnee', 返乡: 'returnee',
  流动人口: 'floating', 流动人员: 'floating',
};
/** Written by hand in sheets but derived by us: accepted and ignored. */
const DERIVED_WORDS = new Set(['老年人', '老人', '65岁以上', '高龄']);

const CHINESE_LEVEL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

export interface SheetCategory {
  category: Category;
  /** Disability certificate level 1–4 (残疾人(二级)). */
  level?: number;
}

export interface ResidentSheetRow {
  row: number;
  name: string;
  idNumber: string;
  birthDate: string;
  sex: Sex;
  /** A mobile or a landline, as written without spaces. */
  phone: string | null;
  groupId: string;
  houseNo: string;
  relation: Relation;
  categories: SheetCategory[];
  note: string | null;
}

export interface SheetProblem {
  row: number;
  column: ResidentColumn;
  /** A translation key and its parameters. */
  key: string;
  params?: Record<string, string | number>;
}

export function mapResidentColumns(header: readonly string[]): { columns: Partial<Record<ResidentColumn, number>>; missing: ResidentColumn[] } {
  const columns: Partial<Record<ResidentColumn, number>> = {};
  header.forEach((h, i) => {
    const text = h.trim();
    const column = (RESIDENT_COLUMNS as readonly string[]).includes(text) ? (text as ResidentColumn) : ALIASES[text.toLowerCase()];
    if (column && columns[column] === undefined) columns[column] = i;
  });
  const required: ResidentColumn[] = ['姓名', '身份证号', '居民小组', '门牌号', '与户主关系'];
  return { columns, missing: required.filter((c) => columns[c] === undefined) };
}

/** 独居、残疾人(二级)；返乡 → categories; unknown words are problems. */
export function parseCategories(text: string): { categories: SheetCategory[]; unknown: string[] } {
  const categories: SheetCategory[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[、，,;；/\s]+/).map((w) => w.trim()).filter(Boolean)) {
    const m = /^(.+?)[（(]?([一二三四1-4])级[）)]?$/.exec(raw);
    const word = m ? m[1]! : raw;
    if (DERIVED_WORDS.has(word)) continue;
    const category = CATEGORY_WORDS[word];
    if (!category) {
      unknown.push(raw);
      continue;
    }
    if (categories.some((c) => c.category === category)) continue;
    categories.push(category === 'disabled' && m ? { category, level: CHINESE_LEVEL[m[2]!]! } : { category });
  }
  return { categories, unknown };
}

/**
 * Checks the data rows of a sheet (the header is row 1 unless `firstRow` says). `groups` maps the
 * names of the community's current groups to their ids. Every problem is
 * reported, cell by cell; a row with any problem yields no record.
 */
export function checkResidentRows(
  cells: readonly (readonly string[])[],
  columns: Partial<Record<ResidentColumn, number>>,
  opts: { today: string; groups: ReadonlyMap<string, string>; /** The sheet row of the first data row (the header may not be row 1). */ firstRow?: number },
): { rows: ResidentSheetRow[]; problems: SheetProblem[] } {
  const rows: ResidentSheetRow[] = [];
  const problems: SheetProblem[] = [];
  const seenIds = new Map<string, number>();
  cells.forEach((line, index) => {
    const row = index + (opts.firstRow ?? 2);
    if (line.every((v) => v.trim() === '')) return;
    const get = (c: ResidentColumn) => (columns[c] === undefined ? '' : (line[columns[c]!] ?? '').trim());
    const before = problems.length;
    const problem = (column: ResidentColumn, key: string, params?: Record<string, string | number>) =>
      problems.push({ row, column, key, ...(params ? { params } : {}) });

    const name = get('姓名');
    if (!name) problem('姓名', 'validation.required');
    const id = parseCitizenId(get('身份证号'), opts.today);
    if (!get('身份证号')) problem('身份证号', 'validation.required');
    else if (isCitizenIdProblem(id)) problem('身份证号', `validation.${id}`);
    else if (seenIds.has(id.value)) problem('身份证号', 'validation.duplicateIdInFile', { row: seenIds.get(id.value)! });
    else seenIds.set(id.value, row);
    // A contact number: a mobile (13812345678) or a landline with its area code (0731-85551234).
    const phone = get('联系电话').replace(/\s/g, '') || null;
    if (phone && !/^1\d{10}$/.test(phone) && !/^0\d{2,3}-?\d{7,8}$/.test(phone)) problem('联系电话', 'validation.phone');
    const groupName = get('居民小组');
    const groupId = opts.groups.get(groupName);
    if (!groupName) problem('居民小组', 'validation.required');
    else if (!groupId) problem('居民小组', 'validation.unknownGroup', { name: groupName });
    const houseNo = get('门牌号');
    if (!houseNo) problem('门牌号', 'validation.required');
    const relationText = get('与户主关系');
    const relation = RELATION_WORDS[relationText] ?? ((RELATIONS as readonly string[]).includes(relationText) ? (relationText as Relation) : undefined);
    if (!relationText) problem('与户主关系', 'validation.required');
    else if (!relation) problem('与户主关系', 'validation.unknownRelation', { value: relationText });
    const { categories, unknown } = parseCategories(get('人员类别'));
    for (const word of unknown) problem('人员类别', 'validation.unknownCategory', { value: word });

    if (problems.length > before || isCitizenIdProblem(id) || !groupId || !relation) return;
    rows.push({ row, name, idNumber: id.value, birthDate: id.birthDate, sex: id.sex, phone, groupId, houseNo, relation, categories, note: get('备注') || null });
  });
  return { rows, problems };
}

/** How the sheet writes a relation, by the person's sex (妻子, 儿子…); each word reads back to the same relation. */
const RELATION_OUT: Record<Relation, [string, string]> = {
  head: ['户主', '户主'], spouse: ['丈夫', '妻子'], child: ['儿子', '女儿'], parent: ['父亲', '母亲'], grandchild: ['孙子', '孙女'],
  grandparent: ['祖父', '祖母'], sibling: ['兄弟', '姐妹'], child_in_law: ['女婿', '儿媳'], other: ['其他', '其他'],
};
export function relationWord(relation: Relation, sex: Sex): string {
  return RELATION_OUT[relation][sex === 'male' ? 0 : 1];
}

const CATEGORY_OUT: Record<Category, string> = {
  living_alone: '独居', disabled: '残疾人', chronic_illness: '慢性病', outside_worker: '外来人员', returnee: '返乡人员', floating: '流动人口',
};
const LEVEL_OUT = ['', '一', '二', '三', '四'];
/** 独居、残疾人(二级): the 人员类别 cell, read back by parseCategories. */
export function categoryWords(categories: readonly SheetCategory[]): string {
  return categories.map((c) => (c.category === 'disabled' && c.level ? `${CATEGORY_OUT.disabled}(${LEVEL_OUT[c.level]}级)` : CATEGORY_OUT[c.category])).join('、');
}
