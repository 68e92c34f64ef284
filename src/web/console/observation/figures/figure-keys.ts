import type { Figures } from '../observation.resource.ts';

export type FigureKey =
  | 'registeredOutside' | 'registeredReturnee' | 'observing' | 'released' | 'checksDue' | 'checksDone' | 'checksOverdue' | 'fevers' | 'pendingDeclarations';

/** The day's figures in the order the daily report reads them; `alarm` ones turn red when above zero. */
export const FIGURES: readonly { key: FigureKey; value: (f: Figures) => number; alarm?: boolean }[] = [
  { key: 'registeredOutside', value: (f) => f.registered.outside },
  { key: 'registeredReturnee', value: (f) => f.registered.returnee },
  { key: 'observing', value: (f) => f.observing },
  { key: 'released', value: (f) => f.released },
  { key: 'checksDue', value: (f) => f.checksDue },
  { key: 'checksDone', value: (f) => f.checksDone },
  { key: 'checksOverdue', value: (f) => f.checksOverdue, alarm: true },
  { key: 'fevers', value: (f) => f.fevers, alarm: true },
  { key: 'pendingDeclarations', value: (f) => f.pendingDeclarations },
];
