import { describe, expect, it } from 'vitest';
import type { FieldLedger } from '../src/contract/ledger.ts';
import { searchLedger } from '../src/web/field/ledger/ledger-search.ts';

const member = (id: string, name: string, initials: string, pinyin: string, idMasked: string, phoneMasked: string | null) => ({
  id, name, initials, pinyin, relation: 'head' as const, sex: 'male' as const, age: 70, idMasked, phoneMasked, categories: [], elderly: true,
});

const ledger: FieldLedger = {
  households: [
    { id: 'h1', address: '12号', groupId: 'g', groupName: '大海组', members: [member('a', '张树根', 'zsg', 'zhangshugen', '430***********1234', '138****5678')] },
    { id: 'h2', address: '3号', groupId: 'g', groupName: '大海组', members: [member('b', '张三', 'zs', 'zhangsan', '430***********777X', null), member('c', '李四', 'ls', 'lisi', '430***********0001', '139****1234')] },
    { id: 'h3', address: '120号', groupId: 'g', groupName: '大海组', members: [member('d', '王五', 'ww', 'wangwu', '430***********2222', null)] },
  ],
  rounds: [],
  visited: {},
  away: {},
  at: '2020-02-13T00:00:00.000Z',
};

const names = (text: string) => searchLedger(ledger, text).hits.map((h) => (h.kind === 'member' ? h.member.name : h.household.address));

describe('searching the ledger on the phone', () => {
  it('finds by pinyin initials and full pinyin, exact initials first', () => {
    expect(names('zsg')).toEqual(['张树根']);
    expect(names('zs')).toEqual(['张三', '张树根']);
    expect(names('ZhangS')).toEqual(['张三', '张树根']);
    expect(names('zhangshu')).toEqual(['张树根']);
  });

  it('finds by part of a name, or else the household by its address', () => {
    expect(names('树根')).toEqual(['张树根']);
    expect(names('张')).toEqual(['张三', '张树根']);
  });

  it('finds by the last 4 of an ID or phone, and house numbers containing the digits', () => {
    expect(names('1234')).toEqual(['李四', '张树根']);
    expect(names('777x')).toEqual(['张三']);
    expect(names('12')).toEqual(['12号', '120号']);
  });

  it('finds by a whole ID or mobile number through their visible parts', () => {
    expect(names('430211195001011234')).toEqual(['张树根']);
    expect(names('13800005678')).toEqual(['张树根']);
  });

  it('finds nothing for empty text, and caps the hits', () => {
    expect(names('  ')).toEqual([]);
    expect(searchLedger(ledger, 'z', 1)).toMatchObject({ total: 2, hits: [{ kind: 'member' }] });
  });
});
