import { describe, expect, it } from 'vitest';
import { canNest, checkCode, kindOfNationalCode, normaliseCode } from './org-kinds.ts';

describe('statistical division codes', () => {
  it('reads the bureau’s 12-digit form down to each level’s own length', () => {
    expect(normaliseCode('province', '430000000000')).toBe('430000');
    expect(normaliseCode('district', '430211000000')).toBe('430211');
    expect(normaliseCode('street', '430211003000')).toBe('430211003');
    expect(normaliseCode('community', '430211003017')).toBe('430211003017');
    expect(normaliseCode('group', '430211003017-01')).toBe('430211003017-01');
  });

  it('tells the level from the code', () => {
    expect(kindOfNationalCode('430000')).toBe('province');
    expect(kindOfNationalCode('430200')).toBe('city');
    expect(kindOfNationalCode('430211')).toBe('district');
    expect(kindOfNationalCode('430211003')).toBe('street');
    expect(kindOfNationalCode('430211003017')).toBe('community');
    expect(kindOfNationalCode('430211003000')).toBe('street');
    expect(kindOfNationalCode('大海组')).toBeNull();
  });

  it('accepts codes that fit their level and parent, and refuses the others', () => {
    expect(checkCode('city', '430200', { kind: 'province', code: '430000' })).toBeNull();
    expect(checkCode('district', '430211', { kind: 'city', code: '430200' })).toBeNull();
    expect(checkCode('street', '430211003', { kind: 'district', code: '430211' })).toBeNull();
    expect(checkCode('community', '430211003017', { kind: 'street', code: '430211003' })).toBeNull();
    expect(checkCode('street', '420107006', { kind: 'district', code: '430211' })).toBe('codeNotUnderParent');
    expect(checkCode('street', '430211000', { kind: 'district', code: '430211' })).toBe('codeFormat');
    expect(checkCode('city', '430210', { kind: 'province', code: '430000' })).toBe('codeFormat');
    expect(checkCode('community', '43021100301', null)).toBe('codeFormat');
    expect(checkCode('group', '430211003017-01', { kind: 'community', code: '430211003017' })).toBeNull();
    expect(checkCode('group', 'a/b', null)).toBe('codeFormat');
  });

  it('nests levels in order, groups and grids under communities', () => {
    expect(canNest('province', null)).toBe(true);
    expect(canNest('city', null)).toBe(true);
    expect(canNest('group', 'community')).toBe(true);
    expect(canNest('grid', 'community')).toBe(true);
    expect(canNest('group', 'street')).toBe(false);
    expect(canNest('district', null)).toBe(false);
  });
});
