import { describe, expect, it } from 'vitest';
import { sheetName } from './register-workbook.ts';

describe('register sheet names', () => {
  it('are valid for Excel and distinct ignoring case', async () => {
    const taken = new Set<string>();
    expect(['东门/北', '东门 北', 'Gate', 'gate', 'x'.repeat(40)].map((n) => sheetName(n, taken))).toEqual(['东门 北', '东门 北(2)', 'Gate', 'gate(2)', 'x'.repeat(31)]);
  });
});
