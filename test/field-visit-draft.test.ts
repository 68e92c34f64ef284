import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../src/domain/residents/citizen-id.ts';
import { checkDraft, fromVisitInput, isFeverReading, newArrival, newDraft, readTemperature, toVisitInput } from '../src/web/field/screening/visit-draft.ts';

const TODAY = '2020-02-13';
const validId = (first17: string) => first17 + checkCharacter(first17);
const at = { id: 'v1', roundId: 'r1', householdId: 'h1', visitedAt: '2020-02-13T02:00:00.000Z' };

describe('the visit form', () => {
  it('starts with everyone at home', () => {
    expect(newDraft(['a', 'b']).presentIds).toEqual(['a', 'b']);
    expect(checkDraft(newDraft(['a']), TODAY)).toEqual({});
  });

  it('reads temperatures with one decimal, 37.3 and above being a fever', () => {
    expect(readTemperature('36.5')).toBe(36.5);
    expect(readTemperature(' 37,3 ')).toBe(37.3);
    expect(readTemperature('')).toBeNull();
    expect(readTemperature('36.55')).toBeNaN();
    expect(isFeverReading('37.3')).toBe(true);
    expect(isFeverReading('37.2')).toBe(false);
    expect(checkDraft({ ...newDraft(['a']), temperature: '44' }, TODAY)).toEqual({ temperature: { key: 'server:validation.temperature' } });
    expect(checkDraft({ ...newDraft(['a']), temperature: 'abc' }, TODAY).temperature?.key).toBe('field:screening.errors.temperatureFormat');
  });

  it('asks who was home, unless nobody was', () => {
    expect(checkDraft(newDraft([]), TODAY).presentIds).toBeDefined();
    expect(checkDraft({ ...newDraft([]), outcome: 'nobody_home' }, TODAY)).toEqual({});
  });

  it('checks each arrival: name, ID check digit, phone, category, relation, the same ID twice', () => {
    const good = { ...newArrival('x1'), name: '周志远', idNumber: validId('43108119960308357'), category: 'returnee' as const, relation: 'child' as const };
    expect(checkDraft({ ...newDraft(['a']), arrivals: [good] }, TODAY)).toEqual({});
    const wrongDigit = good.idNumber.slice(0, 17) + (good.idNumber[17] === '0' ? '1' : '0');
    const problems = checkDraft({ ...newDraft(['a']), arrivals: [{ ...good, idNumber: wrongDigit, phone: '12345', category: null, relation: null, name: ' ' }, { ...good, id: 'x2' }, { ...good, id: 'x3' }] }, TODAY);
    expect(problems).toEqual({
      'arrivals.0.name': { key: 'server:validation.required' },
      'arrivals.0.idNumber': { key: 'server:validation.idCheckDigit' },
      'arrivals.0.phone': { key: 'server:validation.phone' },
      'arrivals.0.category': { key: 'server:validation.category' },
      'arrivals.0.relation': { key: 'server:validation.relation' },
      'arrivals.2.idNumber': { key: 'field:screening.errors.sameIdTwice', params: { n: 2 } },
    });
  });

  it('sends a nobody-at-home visit without answers or arrivals, and reads a saved visit back', () => {
    const draft = { ...newDraft(['a']), cough: true, temperature: '37.5', arrivals: [{ ...newArrival('x1'), name: 'A', idNumber: validId('43108119960308357').toLowerCase(), phone: ' 138 0000 1111 ', category: 'returnee' as const, relation: 'child' as const }] };
    const visit = toVisitInput(draft, at);
    expect(visit).toMatchObject({ outcome: 'visited', presentIds: ['a'], health: { fever: false, cough: true, temperature: 37.5, otherSymptoms: null }, needs: null, note: null });
    expect(visit.arrivals[0]).toMatchObject({ idNumber: validId('43108119960308357'), phone: '13800001111' });
    expect(fromVisitInput(visit)).toMatchObject({ cough: true, temperature: '37.5', presentIds: ['a'] });
    expect(toVisitInput({ ...draft, outcome: 'nobody_home' }, at)).toMatchObject({ presentIds: [], arrivals: [], health: { fever: false, cough: false, temperature: null } });
  });
});
