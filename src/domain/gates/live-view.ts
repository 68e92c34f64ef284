import type { EntranceState } from './entrance-state.ts';
import { emptyHours } from './hours.ts';

export interface DayCount {
  entrance_id: string;
  hour: number;
  direction: string;
  /** 1 let through, 0 refused. */
  allowed: number;
  kind: string;
  n: number;
  fevers: number;
}

export interface VisitorMove {
  visitor_id: string | null;
  entrance_id: string;
  direction: string;
}

export interface EntranceFigures {
  id: string;
  name: string;
  state: EntranceState;
  hours: number[];
  in: number;
  out: number;
  refused: number;
  visitors: number;
  visitorsInside: number;
  fevers: number;
  openAlerts: number;
}

/**
 * A community's gates on a day, per entrance: passages let through per hour,
 * in and out, refused, visitors, visitors still inside (came in, not yet seen
 * going out, counted at the entrance they came in by), fevers, open alerts.
 */
export function gateFigures(
  entrances: readonly { id: string; name: string; state: EntranceState }[],
  counts: readonly DayCount[],
  moves: readonly VisitorMove[],
  openAlerts: readonly { entrance_id: string | null }[],
): EntranceFigures[] {
  const inside = new Map<string, string>();
  for (const m of moves) {
    if (!m.visitor_id) continue;
    if (m.direction === 'in') inside.set(m.visitor_id, m.entrance_id);
    else inside.delete(m.visitor_id);
  }
  return entrances.map((e) => {
    const f: EntranceFigures = { ...e, hours: emptyHours(), in: 0, out: 0, refused: 0, visitors: 0, visitorsInside: 0, fevers: 0, openAlerts: 0 };
    for (const c of counts) {
      if (c.entrance_id !== e.id) continue;
      const n = Number(c.n);
      f.fevers += Number(c.fevers ?? 0);
      if (Number(c.allowed) !== 1) {
        f.refused += n;
        continue;
      }
      f.hours[c.hour] = (f.hours[c.hour] ?? 0) + n;
      if (c.direction === 'in') f.in += n;
      else f.out += n;
      if (c.kind === 'visitor') f.visitors += n;
    }
    f.visitorsInside = [...inside.values()].filter((id) => id === e.id).length;
    f.openAlerts = openAlerts.filter((a) => a.entrance_id === e.id).length;
    return f;
  });
}

/** The community's totals over its entrances, and how many are in each state. */
export function gateTotals(figures: readonly EntranceFigures[]) {
  const sum = (k: 'in' | 'out' | 'refused' | 'visitors' | 'visitorsInside' | 'fevers' | 'openAlerts') => figures.reduce((s, f) => s + f[k], 0);
  return {
    hours: emptyHours().map((_, h) => figures.reduce((s, f) => s + (f.hours[h] ?? 0), 0)),
    in: sum('in'), out: sum('out'), refused: sum('refused'), visitors: sum('visitors'), visitorsInside: sum('visitorsInside'),
    fevers: sum('fevers'), openAlerts: sum('openAlerts'),
    checkpoints: figures.filter((f) => f.state === 'checkpoint').length,
    sealed: figures.filter((f) => f.state === 'sealed').length,
    open: figures.filter((f) => f.state === 'open').length,
  };
}
