import { describe, expect, it } from 'vitest';
import { isElderlyOn } from './age.ts';
import { elderlyBornBy, rollUp } from './figures.ts';
import { parseResidentQuery } from './search-query.ts';

describe('what a search means', () => {
  it('reads pinyin, Chinese, ID tails, phones and house numbers', () => {
    expect(parseResidentQuery('  ')).toBeNull();
    expect(parseResidentQuery('ZSG')).toEqual({ pinyinPrefix: 'zsg' });
    expect(parseResidentQuery('zhang shugen')).toEqual({ pinyinPrefix: 'zhangshugen' });
    expect(parseResidentQuery('树根')).toEqual({ namePrefix: '树根', addressPrefix: '树根' });
    expect(parseResidentQuery('3栋')).toEqual({ namePrefix: '3栋', addressPrefix: '3栋' });
    expect(parseResidentQuery('1234')).toEqual({ last4: '1234', addressPrefix: '1234' });
    expect(parseResidentQuery('002x')).toEqual({ last4: '002X', addressPrefix: '002x' });
    expect(parseResidentQuery('31002X')).toEqual({ idTail6: '31002X', addressPrefix: '31002X' });
    expect(parseResidentQuery('138 1234 5678')).toEqual({ phone: '13812345678' });
    expect(parseResidentQuery('11010519491231002x')).toEqual({ idNumber: '11010519491231002X' });
    expect(parseResidentQuery('12')).toEqual({ addressPrefix: '12' });
  });
});

describe('address numbers', () => {
  it('are the last number of an address', async () => {
    const { addressNumber } = await import('./search-keys.ts');
    expect(addressNumber('3栋2单元401')).toBe('401');
    expect(addressNumber('12号')).toBe('12');
    expect(addressNumber('新村8号附1')).toBe('1');
    expect(addressNumber('老屋')).toBe('');
  });
});

describe('figures', () => {
  it('counts 65 or more by birth date, 29 February included', () => {
    for (const [birth, day] of [['1955-02-13', '2020-02-13'], ['1955-02-14', '2020-02-13'], ['1956-02-29', '2021-02-28'], ['1956-02-29', '2021-03-01'], ['1959-02-28', '2024-02-29'], ['1959-03-01', '2024-02-29'], ['1960-02-29', '2024-02-29']] as const) {
      expect(elderlyBornBy(day)).toMatch(/^\d{4}-(0[13-9]|1[0-2])-\d{2}$|^\d{4}-02-(0[1-9]|1\d|2[0-8])$/);
      expect(birth <= elderlyBornBy(day)).toBe(isElderlyOn(birth, day));
    }
  });

  it('adds groups up to the unit and to each child, exactly', () => {
    const street = '/43/4302/430211/430211003/';
    const a = `${street}430211003017/`;
    const b = `${street}430211003018/`;
    const groups = [
      { path: `${a}430211003017-01/`, households: 20, residents: 80, categories: { elderly: 9, returnee: 1 } },
      { path: `${a}430211003017-02/`, households: 5, residents: 21, categories: { elderly: 2 } },
      { path: `${b}430211003018-01/`, households: 7, residents: 30, categories: {} },
      { path: '/42/elsewhere/', households: 99, residents: 99, categories: {} },
    ];
    const { total, children } = rollUp(street, [a, b], groups);
    expect(total).toMatchObject({ groups: 3, households: 32, residents: 131 });
    expect(total.categories.elderly).toBe(11);
    expect(children.get(a)).toMatchObject({ groups: 2, households: 25, residents: 101, categories: expect.objectContaining({ returnee: 1 }) });
    expect(children.get(b)!.residents).toBe(30);
  });
});
