const pad = (n: number) => String(n).padStart(2, '0');

/** 11-25 16:03 in the phone's time: enough to tell today's work from yesterday's. */
export function shortTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
