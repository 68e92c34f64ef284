import { isPlausibleDay } from '../local-date.ts';
import { ORG_KINDS, canNest, checkCode, kindOfNationalCode, normaliseCode, type OrgKind } from './org-kinds.ts';

/** Column names accepted in an import file, as the statistics bureau and communities write them. */
const COLUMN_NAMES: Record<'code' | 'name' | 'parent' | 'kind' | 'validFrom' | 'validTo', string[]> = {
  code: ['code', '代码', '区划代码', '统计用区划代码', '编码'],
  name: ['name', '名称', '单位名称'],
  parent: ['parent', 'parent_code', 'parentcode', 'parent code', '上级代码', '上级区划代码', '上级编码'],
  kind: ['kind', 'level', '层级', '级别'],
  validFrom: ['valid_from', 'validfrom', '设立日期'],
  validTo: ['valid_to', 'validto', '撤销日期'],
};

/** Level names in either language, as typed in a spreadsheet. */
const KIND_WORDS: Record<string, OrgKind> = {
  省: 'province', 市: 'city', 区: 'district', 区县: 'district', 县: 'district', 街道: 'street', 镇: 'street', 乡: 'street',
  '街道/乡镇': 'street', 社区: 'community', 村: 'community', '社区/村': 'community', 居民小组: 'group', 小组: 'group', 组: 'group', 网格: 'grid',
};

export interface ImportRow {
  /** The spreadsheet row number, as the user sees it (header is row 1). */
  row: number;
  code: string;
  name: string;
  parentCode: string | null;
  kind: OrgKind;
  /** Undefined when the file has no such column: an existing unit keeps its value. */
  validFrom: string | null | undefined;
  validTo: string | null | undefined;
}

export interface RowProblem {
  row: number;
  column: string;
  /** A translation key and its parameters. */
  key: string;
  params?: Record<string, string | number>;
}

export type ColumnMap = Partial<Record<keyof typeof COLUMN_NAMES, number>>;

export function mapColumns(header: readonly string[]): { columns: ColumnMap; missing: string[] } {
  const columns: ColumnMap = {};
  header.forEach((h, i) => {
    const name = h.trim().toLowerCase();
    for (const [key, names] of Object.entries(COLUMN_NAMES)) {
      if (names.includes(name)) columns[key as keyof ColumnMap] ??= i;
    }
  });
  const missing = (['code', 'name'] as const).filter((c) => columns[c] === undefined).map((c) => COLUMN_NAMES[c][0]!);
  return { columns, missing };
}

/**
 * Checks every row on its own (format, level, code shape) and returns the good
 * rows ordered parents first, plus a problem per bad cell. Rows are matched
 * to parents later, against the file and the database.
 */
export function parseRows(cells: readonly (readonly string[])[], columns: ColumnMap): { rows: ImportRow[]; problems: RowProblem[] } {
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  const firstRowOfCode = new Map<string, number>();
  cells.forEach((line, index) => {
    const row = index + 2;
    const get = (c: keyof ColumnMap) => (columns[c] === undefined ? '' : (line[columns[c]!] ?? '').trim());
    if (line.every((v) => v.trim() === '')) return;
    const rawCode = get('code');
    const name = get('name');
    const kindText = get('kind');
    const kind: OrgKind | null = kindText
      ? ((ORG_KINDS as readonly string[]).includes(kindText.toLowerCase()) ? (kindText.toLowerCase() as OrgKind) : (KIND_WORDS[kindText] ?? null))
      : kindOfNationalCode(rawCode);
    const before = problems.length;
    if (!rawCode) problems.push({ row, column: 'code', key: 'validation.required' });
    if (!name) problems.push({ row, column: 'name', key: 'validation.required' });
    if (rawCode && !kind) problems.push({ row, column: 'kind', key: kindText ? 'validation.kind' : 'validation.unknownKind' });
    const validFrom = columns.validFrom === undefined ? undefined : get('validFrom') || null;
    const validTo = columns.validTo === undefined ? undefined : get('validTo') || null;
    if (validFrom && !isPlausibleDay(validFrom)) problems.push({ row, column: 'valid_from', key: 'validation.date' });
    if (validTo && !isPlausibleDay(validTo)) problems.push({ row, column: 'valid_to', key: 'validation.date' });
    else if (validTo && validFrom && validTo <= validFrom) problems.push({ row, column: 'valid_to', key: 'validation.validToBeforeFrom' });
    if (problems.length > before || !kind) return;
    const code = normaliseCode(kind, rawCode);
    const rawParent = get('parent');
    const parentKind = kindOfNationalCode(rawParent);
    const parentCode = !rawParent || /^0+$/.test(rawParent) ? null : parentKind ? normaliseCode(parentKind, rawParent) : rawParent;
    const seen = firstRowOfCode.get(code);
    if (seen !== undefined) {
      problems.push({ row, column: 'code', key: 'validation.duplicateInFile', params: { row: seen } });
      return;
    }
    firstRowOfCode.set(code, row);
    rows.push({ row, code, name, parentCode, kind, validFrom, validTo });
  });
  const depth = (k: OrgKind) => ORG_KINDS.indexOf(k === 'grid' ? 'group' : k);
  rows.sort((a, b) => depth(a.kind) - depth(b.kind) || a.row - b.row);
  return { rows, problems };
}

/** A parent as the import knows it: from the database or from an earlier good row of the file. */
export interface KnownUnit {
  code: string;
  kind: OrgKind;
}

/**
 * Where a row's parent is: by the parent column, or, for national codes
 * without one, by the code's own prefix (430211003 lies under 430211).
 */
export function parentCodeOf(row: ImportRow): string | null {
  if (row.parentCode) return row.parentCode;
  const shape: Record<string, number> = { city: 2, district: 4, street: 6, community: 9 };
  const cut = shape[row.kind];
  if (cut === undefined) return null;
  const prefix = row.code.slice(0, cut);
  return row.kind === 'street' || row.kind === 'community' ? prefix : prefix.padEnd(6, '0');
}

/** Checks a row against its resolved parent; null when it may be written. */
export function checkAgainstParent(row: ImportRow, parent: KnownUnit | null, parentCode: string | null): RowProblem | null {
  if (parentCode && !parent) return { row: row.row, column: 'parent', key: 'validation.unknownParent', params: { code: parentCode } };
  if (!canNest(row.kind, parent?.kind ?? null)) {
    return { row: row.row, column: 'kind', key: 'errors.ORG_NESTING', params: { kind: `orgKinds.${row.kind}`, parentKind: parent ? `orgKinds.${parent.kind}` : '-' } };
  }
  const problem = checkCode(row.kind, row.code, parent);
  if (problem) return { row: row.row, column: 'code', key: problem === 'codeFormat' ? 'errors.CODE_FORMAT' : 'errors.CODE_NOT_UNDER_PARENT' };
  return null;
}
