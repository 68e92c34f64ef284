import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, isElderlyOn } from './age.ts';
import { checkCharacter, parseCitizenId } from './citizen-id.ts';
import { nameSearchKeys } from './search-keys.ts';

/** A valid number for a birth date and sequence, made the way the standard says. */
function makeId(place: string, birth: string, sequence: string): string {
  const first17 = `${place}${birth.replaceAll('-', '')}${sequence}`;
  return first17 + checkCharacter(first17);
}

describe('citizen ID numbers', () => {
  it('reads birth date and sex, and accepts a lower-case x', () => {
    const id = makeId('430211', '1950-03-07', '123');
    expect(parseCitizenId(id, '2020-02-13')).toEqual({ value: id, birthDate: '1950-03-07', sex: 'male' });
    const woman = makeId('420107', '1988-11-30', '002');
    expect(parseCitizenId(woman, '2020-02-13')).toMatchObject({ sex: 'female' });
    const withX = ['11010519491231002', '9'].join('');
    expect(parseCitizenId(withX, '2020-02-13')).toBe('idCheckDigit');
    expect(parseCitizenId('11010519491231002x', '2020-02-13')).toMatchObject({ value: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' });
  });

  it('names what is wrong', () => {
    expect(parseCitizenId('4302111950030712', '2020-02-13')).toBe('idFormat');
    expect(parseCitizenId(makeId('430211', '1950-02-30', '123'), '2020-02-13')).toBe('idBirthDate');
    expect(parseCitizenId(makeId('430211', '2021-01-01', '123'), '2020-02-13')).toBe('idBirthDate');
  });

  it('derives birth date and sex from any valid number, and catches every single-character change (property)', () => {
    const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2020, 1, 13)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const valid = fc.record({ place: fc.integer({ min: 110000, max: 659999 }), birth: day, seq: fc.integer({ min: 0, max: 999 }) }).map(({ place, birth, seq }) => ({
      id: makeId(String(place), birth, String(seq).padStart(3, '0')),
      birth,
      sex: seq % 2 === 1 ? 'male' : 'female',
    }));
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), ({ id, birth, sex }, pos, char) => {
        expect(parseCitizenId(id, '2020-02-13')).toEqual({ value: id, birthDate: birth, sex });
        fc.pre(id[pos] !== char);
        const typo = id.slice(0, pos) + char + id.slice(pos + 1);
        expect(parseCitizenId(typo, '2020-02-13')).not.toEqual(expect.objectContaining({ value: typo }));
      }),
      { numRuns: 2000 },
    );
  });

  it('catches any single mistyped digit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const id = makeId('430211', '1960-06-15', '017');
        const typo = id.slice(0, pos) + ((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        expect(parseCitizenId(typo, '2020-02-13')).not.toEqual(expect.objectContaining({ value: typo }));
      }),
    );
  });
});

describe('ages', () => {
  it('counts whole years, with birthdays on 29 February', () => {
    expect(ageOn('1955-02-14', '2020-02-13')).toBe(64);
    expect(ageOn('1955-02-13', '2020-02-13')).toBe(65);
    expect(ageOn('1956-02-29', '2021-02-28')).toBe(64);
    expect(ageOn('1956-02-29', '2021-03-01')).toBe(65);
    expect(isElderlyOn('1955-02-13', '2020-02-13')).toBe(true);
    expect(isElderlyOn('1955-02-14', '2020-02-13')).toBe(false);
  });
});

describe('name search keys', () => {
  it('gives initials and full pinyin, surnames read as surnames', () => {
    expect(nameSearchKeys('张树根')).toEqual({ initials: 'zsg', full: 'zhangshugen' });
    expect(nameSearchKeys('单雄信').full).toBe('shanxiongxin');
    expect(nameSearchKeys('曾 国藩')).toEqual({ initials: 'zgf', full: 'zengguofan' });
    expect(nameSearchKeys('吕小平').full).toBe('lvxiaoping');
  });
});
