import ExcelJS from 'exceljs';
import type { Locale } from '../../../contract/common.ts';
import type { PassageRow } from '../../../contract/gates.ts';
import { shanghaiDateTime } from '../../../domain/local-date.ts';
import { translate } from '../../../i18n/messages.ts';

const COLUMNS = [
  ['time', 10], ['direction', 6], ['kind', 8], ['name', 10], ['label', 18], ['idNumber', 20], ['phone', 14], ['fromPlace', 16], ['purpose', 14],
  ['visiting', 14], ['temperature', 8], ['healthCode', 8], ['result', 16], ['recordedBy', 12],
] as const;

/**
 * A day's gate register (登记簿) as .xlsx: one sheet per checkpoint, a title
 * row the street office recognises, then one row per registration. Identity
 * numbers and phones are masked, as on screen.
 */
export async function writeRegisterWorkbook(
  locale: Locale,
  title: { community: string; day: string },
  entrances: readonly { id: string; name: string }[],
  rows: readonly PassageRow[],
): Promise<Buffer> {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `gateSheet.${key}`, params);
  const workbook = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const entrance of entrances) {
    const own = rows.filter((r) => r.entranceId === entrance.id);
    const sheet = workbook.addWorksheet(sheetName(entrance.name, taken));
    sheet.addRow([t('title', { community: title.community, entrance: entrance.name, day: title.day })]).font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, COLUMNS.length);
    sheet.addRow([t('summary', { total: own.length, visitors: own.filter((r) => r.kind === 'visitor').length, fevers: own.filter((r) => r.fever).length })]);
    const header = sheet.addRow(COLUMNS.map(([k]) => t(`columns.${k}`)));
    header.font = { bold: true };
    COLUMNS.forEach(([, width], i) => (sheet.getColumn(i + 1).width = width));
    for (const r of own) {
      const row = sheet.addRow([
        shanghaiDateTime(new Date(r.at)).slice(11), t(`direction.${r.direction}`), t(`kind.${r.kind}`), r.name, r.label ?? '', r.idMasked ?? '', r.phoneMasked ?? '',
        r.fromPlace ?? '', r.purpose ?? '', r.visiting ?? '', r.temperature === null ? '' : r.temperature.toFixed(1),
        r.healthCode ? t(`healthCode.${r.healthCode}`) : '', r.allowed ? t('allowed') : `${t('refused')}${r.reason ? `: ${translate(locale, `gateSheet.reason.${r.reason}`)}` : ''}`,
        r.recordedByName,
      ]);
      if (r.fever) row.getCell(11).font = { bold: true, color: { argb: 'FFCF1322' } };
    }
    sheet.views = [{ state: 'frozen', ySplit: 3 }];
  }
  if (entrances.length === 0) workbook.addWorksheet('-');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of []:*?/\, and
 * unlike the others ignoring case ("东门/北" and "东门 北" would clash).
 */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || '-';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)}(${n})`.slice(0, 31);
  taken.add(candidate.toLowerCase());
  return candidate;
}
