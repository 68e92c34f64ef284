/** Calendar days of the work are Asia/Shanghai days, whatever the server's time zone. */
const shanghaiDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const shanghaiClock = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as people in the work's time zone read it: 2020-02-13 09:30 (Asia/Shanghai, whatever the device's zone). */
export function shanghaiDateTime(at: Date): string {
  return `${shanghaiDay.format(at)} ${shanghaiClock.format(at)}`;
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date = new Date()): string {
  return shanghaiDay.format(at);
}

/** True when a unit valid from `from` until (excluding) `to` is in force on `day`. */
export function isInForce(day: string, from: string, to: string | null): boolean {
  return from <= day && (to === null || day < to);
}

/** The UTC instant (ISO) at which the Shanghai day `day` + `addDays` begins. China has no DST: UTC+8. */
export function shanghaiMidnightUtc(day: string, addDays = 0): string {
  const t = Date.parse(`${day}T00:00:00+08:00`) + addDays * 86_400_000;
  return new Date(t).toISOString();
}

/** A real calendar day written YYYY-MM-DD, in the years the work can concern. */
export function isPlausibleDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2999 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const shanghaiHourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' });

/** The Asia/Shanghai hour (0–23) of an instant. */
export function shanghaiHour(at: Date): number {
  return Number(shanghaiHourFormat.format(at));
}

/** The instant (ms) of a Shanghai clock time HH:MM on a Shanghai day. */
export function shanghaiInstant(day: string, time: string): number {
  return Date.parse(`${day}T${time}:00+08:00`);
}

/** The calendar day `n` days after `day` (YYYY-MM-DD; negative goes back). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
