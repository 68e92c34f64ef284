import type { z } from 'zod';
import type { RosterSheetRow } from '../../../../contract/rosters.ts';

type Row = z.infer<typeof RosterSheetRow>;

export interface SheetLine extends Row {
  /** Rows the checkpoint's cell spans (0: covered by the one above). */
  checkpointSpan: number;
  /** Rows the day's cell spans within its checkpoint (0: covered by the one above). */
  daySpan: number;
  /** People short of the minimum (0 when staffed). */
  short: number;
}

/**
 * The street's sheet as printed: rows in the server's order (checkpoint, day,
 * shift), with each checkpoint's name and each day written once over the rows
 * they cover, as the street's paper forms do.
 */
export function sheetLines(rows: readonly Row[]): SheetLine[] {
  const lines = rows.map((r): SheetLine => ({ ...r, checkpointSpan: 0, daySpan: 0, short: Math.max(0, r.minimum - r.people.length) }));
  for (let i = 0; i < lines.length; ) {
    let end = i;
    while (end < lines.length && lines[end]!.checkpoint === lines[i]!.checkpoint) end++;
    lines[i]!.checkpointSpan = end - i;
    for (let j = i; j < end; ) {
      let dayEnd = j;
      while (dayEnd < end && lines[dayEnd]!.day === lines[j]!.day) dayEnd++;
      lines[j]!.daySpan = dayEnd - j;
      j = dayEnd;
    }
    i = end;
  }
  return lines;
}
