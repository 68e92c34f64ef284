/**
 * Citizen ID numbers (居民身份证号码, GB 11643-1999): 6 digits of the place of
 * first registration, 8 of the birth date, 3 of sequence (odd for men, even
 * for women) and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type Sex = 'male' | 'female';

export interface CitizenId {
  /** Upper case, 18 characters. */
  value: string;
  birthDate: string;
  sex: Sex;
}

export type CitizenIdProblem = 'idFormat' | 'idBirthDate' | 'idCheckDigit';

/** The check character the first 17 digits call for. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Trims, upper-cases the X and drops the spaces people type in long numbers. */
export function normaliseCitizenId(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/**
 * Reads an ID number: its birth date and sex, or what is wrong with it. `today`
 * bounds the birth date (nobody is born tomorrow, or before 1890).
 */
export function parseCitizenId(text: string, today: string): CitizenId | CitizenIdProblem {
  const value = normaliseCitizenId(text);
  if (!/^\d{17}[\dX]$/.test(value)) return 'idFormat';
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (y < 1890 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || birthDate > today) return 'idBirthDate';
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return 'idCheckDigit';
  return { value, birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}

export function isCitizenIdProblem(r: CitizenId | CitizenIdProblem): r is CitizenIdProblem {
  return typeof r === 'string';
}
