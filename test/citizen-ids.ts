import { checkCharacter } from '../src/domain/residents/citizen-id.ts';

/** A valid citizen ID number for a place code, birth date (YYYYMMDD) and sequence; odd sequences are men. */
export function makeId(place: string, birth: string, sequence: string): string {
  const first17 = `${place}${birth}${sequence}`;
  return first17 + checkCharacter(first17);
}

/** The same number with its check digit wrong. */
export function withWrongCheck(id: string): string {
  const right = id[17]!;
  return id.slice(0, 17) + (right === '0' ? '1' : '0');
}
