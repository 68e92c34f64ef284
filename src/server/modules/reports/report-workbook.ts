import ExcelJS from 'exceljs';
import type { Locale } from '../../../contract/common.ts';
import type { LevelDay, LevelRow, ReportDay } from '../../../contract/reports.ts';
import { FIGURE_KEYS } from '../../../domain/reports/figures.ts';
import { shanghaiDateTime } from '../../../domain/local-date.ts';
import { translate } from '../../../i18n/messages.ts';

const RED = { argb: 'FFCF1322' };

function sheetText(locale: Locale) {
  return (key: string, params: Record<string, string | number> = {}) => translate(locale, `reportSheet.${key}`, params);
}
const local = (at: string | null) => (at ? shanghaiDateTime(new Date(at)) : '');

/** A report as .xlsx, in the order of its print: who and when, the figures, the narrative, the issues with their answers. */
export async function writeReportWorkbook(locale: Locale, r: ReportDay): Promise<Buffer> {
  const t = sheetText(locale);
  const tr = (key: string) => translate(locale, key);
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(t('sheetReport'));
  ws.columns = [{ width: 8 }, { width: 26 }, { width: 14 }, { width: 48 }, { width: 14 }, { width: 40 }, { width: 18 }];
  ws.addRow([t('reportTitle', { community: r.community.name, team: r.team ? ` ${r.team.name}` : '', day: r.day })]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, 7);
  const current = r.versions.find((v) => v.id === r.id);
  ws.addRow([t('version'), r.version ?? '', t('submitted'), local(current?.submittedAt ?? null), t('submittedBy'), current?.submittedByName ?? '']);
  ws.addRow([t('sendsTo'), r.sendsTo.name, t('late'), current?.late ? t('yes') : '', t('correction'), current?.correctionReason ?? '']);
  ws.addRow([]);
  ws.addRow(['', t('figure'), t('value')]).font = { bold: true };
  for (const k of FIGURE_KEYS) ws.addRow(['', tr(`reportFigures.${k}`), r.figures[k]]);
  ws.addRow([]);
  ws.addRow([t('narrative')]).font = { bold: true };
  const narrative = ws.addRow([r.narrative]);
  ws.mergeCells(narrative.number, 1, narrative.number, 7);
  narrative.alignment = { wrapText: true, vertical: 'top' };
  narrative.height = Math.min(400, 18 * Math.max(2, Math.ceil(r.narrative.length / 60)));
  ws.addRow([]);
  ws.addRow([t('issueNo'), t('kind'), t('topic'), t('text'), t('status'), t('answer'), t('answeredBy')]).font = { bold: true };
  r.issues.forEach((i, n) => {
    const answer = i.answers[0];
    const row = ws.addRow([n + 1, tr(`issueKinds.${i.kind}`), tr(`issueTopics.${i.topic}`), i.text, tr(`issueStatuses.${i.status}`),
      answer ? (answer.measure ?? answer.reason ?? '') : '', answer ? `${answer.officeName} ${answer.byName} ${local(answer.at)}` : '']);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (i.flagged) row.getCell(5).font = { bold: true, color: RED };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A level's day as .xlsx: the units below with their totals, then every community with its report's state and figures. */
export async function writeLevelWorkbook(locale: Locale, level: LevelDay): Promise<Buffer> {
  const t = sheetText(locale);
  const tr = (key: string) => translate(locale, key);
  const figureHeads = FIGURE_KEYS.map((k) => tr(`reportFigures.${k}`));
  const workbook = new ExcelJS.Workbook();
  const totals = workbook.addWorksheet(t('sheetLevel'));
  totals.addRow([t('levelTitle', { unit: level.unit.name, day: level.day })]).font = { bold: true, size: 14 };
  totals.addRow([t('unit'), t('communities'), t('reportsIn'), t('lateCount'), t('missing'), t('openIssues'), t('flaggedIssues'), ...figureHeads]).font = { bold: true };
  const line = (r: LevelRow, name: string) => [name, r.communities, r.reportsIn, r.late, r.missing, r.openIssues, r.flaggedIssues, ...FIGURE_KEYS.map((k) => r.figures[k])];
  for (const c of level.children) totals.addRow(line(c, c.name));
  totals.addRow(line(level.total, t('total'))).font = { bold: true };
  totals.getColumn(1).width = 20;
  totals.views = [{ state: 'frozen', ySplit: 2, xSplit: 1 }];

  const list = workbook.addWorksheet(t('sheetCommunities'));
  list.addRow([t('community'), t('parent'), t('state'), t('late'), t('submitted'), t('openIssues'), t('flaggedIssues'), ...figureHeads]).font = { bold: true };
  for (const c of level.communities) {
    const row = list.addRow([`${c.name}${c.teamName ? ` ${c.teamName}` : ''}`, c.parentName, t(`states.${c.state}`), c.late ? t('yes') : '', local(c.submittedAt), c.openIssues, c.flaggedIssues, ...FIGURE_KEYS.map((k) => c.figures[k])]);
    if (c.overdue) row.getCell(3).font = { bold: true, color: RED };
  }
  list.getColumn(1).width = 30;
  list.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
