import { shanghaiDate, shanghaiHour } from '../local-date.ts';

/** The Asia/Shanghai hours of `day` (0–23) during which something from `from` to `to` was under way. */
export function hoursCovered(from: string, to: string, day: string): number[] {
  const start = Date.parse(from);
  const end = Math.max(start, Date.parse(to));
  const hours = new Set<number>();
  // Step through the interval hour by hour, plus its end, keeping the hours that fall on `day`.
  for (let t = start; t <= end; t += 3_600_000) if (shanghaiDate(new Date(t)) === day) hours.add(shanghaiHour(new Date(t)));
  if (shanghaiDate(new Date(end)) === day) hours.add(shanghaiHour(new Date(end)));
  return [...hours].sort((a, b) => a - b);
}

/** 24 zeros: one count per hour of a day. */
export const emptyHours = (): number[] => Array.from({ length: 24 }, () => 0);
