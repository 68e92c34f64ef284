import { describe, expect, it } from 'vitest';
import { transientConflict, uniqueViolation } from './dialect.ts';

describe('unique violations on either database', () => {
  it('names the table and column', () => {
    expect(uniqueViolation({ code: '23505', constraint: 'org_units_code_key' })).toBe('org_units.code');
    expect(uniqueViolation({ code: '23505', constraint: 'users_pkey' })).toBe('users.id');
    expect(uniqueViolation({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: users.mobile' })).toBe('users.mobile');
    expect(uniqueViolation(new Error('other'))).toBeNull();
  });
});

describe('transient conflicts', () => {
  it('are deadlocks, serialization failures and a busy SQLite file', () => {
    expect([{ code: '40P01' }, { code: '40001' }, { code: 'SQLITE_BUSY' }].every(transientConflict)).toBe(true);
    expect([{ code: '23505' }, new Error('x'), null].some(transientConflict)).toBe(false);
  });
});
