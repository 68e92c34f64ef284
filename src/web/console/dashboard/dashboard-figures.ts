import type { Dashboard, DashboardRow } from '../../../contract/reports.ts';
import { percent } from '../../../domain/reports/figures.ts';
import { FIGURE_SECTIONS } from '../reports/figure-sections.ts';

/**
 * What the dashboard shows and clicks through: the report's figures, a few
 * shares made of two of them (screening and duty coverage, tasks done), and
 * the offices' reports and issues.
 */
export const DASH_FIGURES = [
  'screening', 'householdsScreened',
  'passages', 'passagesRefused', 'visitors', 'peopleChecked', 'fevers',
  'underObservation', 'checksDue', 'checksDone', 'checksOverdue',
  'duty', 'tasks',
  'reportsIn', 'openIssues', 'flaggedIssues',
] as const;
export type DashFigure = (typeof DASH_FIGURES)[number];

export function isDashFigure(value: string | null | undefined): value is DashFigure {
  return (DASH_FIGURES as readonly string[]).includes(value ?? '');
}

export type DashSection = (typeof FIGURE_SECTIONS)[number]['section'] | 'reports';

const SECTION_FIGURES: Record<DashSection, readonly DashFigure[]> = {
  screening: ['screening', 'householdsScreened'],
  gates: ['passages', 'passagesRefused', 'visitors', 'peopleChecked', 'fevers'],
  observation: ['underObservation', 'checksDue', 'checksDone', 'checksOverdue'],
  duty: ['duty', 'tasks'],
  reports: ['reportsIn', 'openIssues', 'flaggedIssues'],
};

/** The cards, in the report's section order, then the reports and issues. */
export const DASH_SECTIONS: readonly { section: DashSection; figures: readonly DashFigure[] }[] = [
  ...FIGURE_SECTIONS.map((s) => ({ section: s.section, figures: SECTION_FIGURES[s.section] })),
  { section: 'reports', figures: SECTION_FIGURES.reports },
];

/** Shares: a part of a whole, shown as "part / whole" or a percentage. */
export const SHARES: Partial<Record<DashFigure, (r: DashboardRow) => { part: number; whole: number }>> = {
  screening: (r) => ({ part: r.figures.roundHouseholdsScreened, whole: r.figures.roundHouseholds }),
  duty: (r) => ({ part: r.figures.dutiesCheckedIn, whole: r.figures.duties }),
  tasks: (r) => ({ part: r.figures.tasksDone, whole: r.figures.tasks }),
  reportsIn: (r) => ({ part: r.reportsIn, whole: r.communities }),
};

/** Shares shown as a percentage (the others as "part / whole", small numbers read better so). */
export const PERCENT_SHARES: readonly DashFigure[] = ['screening', 'duty'];

/** The number a figure stands for in a row: the count, or a share's percentage. */
export function figureValue(row: DashboardRow, figure: DashFigure): number {
  const share = SHARES[figure];
  if (share) {
    const { part, whole } = share(row);
    return percent(part, whole);
  }
  if (figure === 'reportsIn' || figure === 'openIssues' || figure === 'flaggedIssues') return row[figure];
  return row.figures[figure as Exclude<DashFigure, 'screening' | 'duty' | 'tasks' | 'reportsIn' | 'openIssues' | 'flaggedIssues'>];
}

/** Figures that call for someone when above zero: shown in red. */
export const ALARMING: readonly DashFigure[] = ['fevers', 'checksOverdue', 'flaggedIssues'];

export const isAlarming = (figure: DashFigure, value: number): boolean => ALARMING.includes(figure) && value > 0;

/**
 * The units below in the order that needs looking at first: shares lowest
 * first (who lags behind), counts highest first (where things happen); a tie
 * keeps the server's order.
 */
export function sortByFigure(rows: readonly DashboardRow[], figure: DashFigure): DashboardRow[] {
  const lowFirst = figure in SHARES;
  return rows
    .map((row, i) => ({ row, i, v: figureValue(row, figure) }))
    .sort((a, b) => (lowFirst ? a.v - b.v : b.v - a.v) || a.i - b.i)
    .map((x) => x.row);
}

/** The figure an office's page starts with selected in its table and per-unit chart. */
export const DEFAULT_FIGURE: DashFigure = 'fevers';

/** The figures the table of units below always shows; the selected one is added when it is not among them. */
export const TABLE_FIGURES: readonly DashFigure[] = [
  'screening', 'passages', 'fevers', 'underObservation', 'checksOverdue', 'duty', 'tasks', 'reportsIn', 'openIssues', 'flaggedIssues',
];

export function tableFigures(selected: DashFigure): DashFigure[] {
  return TABLE_FIGURES.includes(selected) ? [...TABLE_FIGURES] : [...TABLE_FIGURES, selected];
}

export interface HourSeries {
  hours: number[];
  passages: (number | null)[];
  refused: (number | null)[];
  fevers: (number | null)[];
}

/**
 * The day's 24 hours (Asia/Shanghai), whatever hours the server listed. On
 * today, the hours still to come are empty rather than zero, so the line does
 * not run flat into the future.
 */
export function hourSeries(d: Pick<Dashboard, 'passagesByHour' | 'fevers'>, upToHour = 23): HourSeries {
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const passages = new Map(d.passagesByHour.map((p) => [p.hour, p]));
  const fevers = new Map(d.fevers.map((f) => [f.hour, f.count]));
  const upTo = <T>(h: number, v: T): T | null => (h <= upToHour ? v : null);
  return {
    hours,
    passages: hours.map((h) => upTo(h, passages.get(h)?.passages ?? 0)),
    refused: hours.map((h) => upTo(h, passages.get(h)?.refused ?? 0)),
    fevers: hours.map((h) => upTo(h, fevers.get(h) ?? 0)),
  };
}

export const NO_SHARE = '—';

/**
 * How a figure reads: a count; a share as a percentage with "part / whole"
 * beside it (a dash when there is no whole: no round open, no duty that day);
 * or a small share as "part / whole".
 */
export function figureText(row: DashboardRow, figure: DashFigure, count: (n: number) => string): { text: string; detail: string | null } {
  const share = SHARES[figure];
  if (!share) return { text: count(figureValue(row, figure)), detail: null };
  const { part, whole } = share(row);
  const ratio = `${count(part)} / ${count(whole)}`;
  if (!PERCENT_SHARES.includes(figure)) return { text: ratio, detail: null };
  return { text: whole > 0 ? `${percent(part, whole)}%` : NO_SHARE, detail: ratio };
}
