/** Age in whole years on `day` (both YYYY-MM-DD); someone born on 29 February turns a year older on 1 March. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The age from which a resident counts as elderly in the reports ("400 aged 65 or more"). */
export const ELDERLY_AGE = 65;

export function isElderlyOn(birthDate: string, day: string): boolean {
  return ageOn(birthDate, day) >= ELDERLY_AGE;
}
