import type { FigureKey } from '../../../domain/reports/figures.ts';

/**
 * The report's figures in the order and sections the pages, prints and
 * exports show them (labels: server:reportFigures.<key>, sections:
 * server:reportSections.<section>).
 */
export const FIGURE_SECTIONS: readonly { section: 'screening' | 'gates' | 'observation' | 'duty'; keys: readonly FigureKey[] }[] = [
  { section: 'screening', keys: ['households', 'householdsScreened', 'visits', 'roundHouseholds', 'roundHouseholdsScreened'] },
  { section: 'gates', keys: ['passages', 'passagesRefused', 'visitors', 'peopleChecked', 'fevers'] },
  { section: 'observation', keys: ['outsideWorkers', 'returnees', 'underObservation', 'checksDue', 'checksDone', 'checksOverdue'] },
  { section: 'duty', keys: ['duties', 'dutiesCheckedIn', 'tasks', 'tasksDone'] },
];
