import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Locale } from '../../../contract/common.ts';
import type { RosterSheet } from '../../../contract/rosters.ts';
import { translate } from '../../../i18n/messages.ts';

const COLUMNS = [['checkpoint', 16], ['day', 12], ['shift', 13], ['minimum', 8], ['names', 30], ['phones', 30]] as const;

/**
 * A week's roster as .xlsx in the shape the street office asks for: a title
 * row, then one row per checkpoint, day and shift with the names and phones
 * of the people on it (one line each inside the cell). A shift below its
 * minimum is marked red, as on screen.
 */
export async function writeRosterWorkbook(locale: Locale, sheet: z.infer<typeof RosterSheet>): Promise<Buffer> {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `rosterSheet.${key}`, params);
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(t('sheetName'));
  ws.addRow([t('title', { street: sheet.streetName, community: sheet.communityName, monday: sheet.monday })]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const header = ws.addRow(COLUMNS.map(([k]) => t(`columns.${k}`)));
  header.font = { bold: true };
  COLUMNS.forEach(([, width], i) => (ws.getColumn(i + 1).width = width));
  for (const r of sheet.rows) {
    const row = ws.addRow([r.checkpoint, r.day, `${r.start}–${r.end}`, r.minimum, r.people.map((p) => p.name).join('\n'), r.people.map((p) => p.mobile ?? '').join('\n')]);
    row.alignment = { vertical: 'top', wrapText: true };
    if (r.people.length < r.minimum) row.getCell(4).font = { bold: true, color: { argb: 'FFCF1322' } };
  }
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
