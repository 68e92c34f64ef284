import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Entrance, ItemResult, PassageInput } from '../src/contract/gates.ts';
import { fromBase64Url } from '../src/domain/gates/base64url.ts';
import { signPass, type PassClaims } from '../src/domain/gates/pass-token.ts';
import { checkCharacter } from '../src/domain/residents/citizen-id.ts';
import { entranceStateNow, knowledgeOf } from '../src/web/field/gate/gate-kit.ts';
import { checkReading, readingProblem } from '../src/web/field/gate/reading.ts';
import { checkScan, passageOfScan, RepeatFilter } from '../src/web/field/gate/scan-check.ts';
import { disagreements } from '../src/web/field/gate/server-verdicts.ts';
import { checkVisitorDraft, completeId, completeMobile, fromVisitorPassage, newVisitorDraft, toVisitorPassage } from '../src/web/field/gate/visitor-draft.ts';
import { addReading, checkedCount, feverCount, newRound, toPatrolRoundInput } from '../src/web/field/patrol/patrol-draft.ts';

const TODAY = '2020-02-13';
const NOON = new Date('2020-02-13T04:00:00.000Z');
const validId = (first17: string) => first17 + checkCharacter(first17);

/** A community key pair and its kit entry, as /api/field/gate sends it. */
function community() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'jwk' }).x!;
  const kit = { id: 'c1', code: '420107006001', name: 'C', keys: { k1: raw }, revoked: ['p-revoked'], suspended: ['p-suspended'] };
  const token = (claims: Partial<PassClaims> = {}) =>
    signPass({ p: 'p1', c: '420107006001', h: 'h:x', n: '张*根', a: '5组 3栋201', f: '2020-02-01', t: '2020-03-01', k: 'k1', ...claims }, (m) => new Uint8Array(sign(null, m, privateKey)));
  return { kit, token };
}

describe('checking a pass on the phone', () => {
  const { kit, token } = community();
  const knowledge = knowledgeOf(kit);

  it('decodes the kit keys and lets a valid pass through with what it shows', () => {
    expect(knowledge.keys.k1).toEqual(fromBase64Url(kit.keys.k1));
    const verdict = checkScan(token(), knowledge, 'checkpoint', NOON);
    expect(verdict).toMatchObject({ allowed: true, claims: { n: '张*根', a: '5组 3栋201' } });
  });

  it('turns back revoked, suspended, expired, altered and foreign passes, and anything at a sealed entrance', () => {
    expect(checkScan(token({ p: 'p-revoked' }), knowledge, 'checkpoint', NOON)).toMatchObject({ allowed: false, reason: 'revoked' });
    expect(checkScan(token({ p: 'p-suspended' }), knowledge, 'checkpoint', NOON)).toMatchObject({ allowed: false, reason: 'suspended' });
    expect(checkScan(token({ t: '2020-02-12' }), knowledge, 'checkpoint', NOON)).toMatchObject({ allowed: false, reason: 'expired' });
    expect(checkScan(token({ c: '430211003017' }), knowledge, 'checkpoint', NOON)).toMatchObject({ allowed: false, reason: 'other_community' });
    const [prefix, claims, signature] = token().split('.');
    const altered = `${prefix}.${claims!.slice(0, -2)}AA.${signature}`;
    expect(checkScan(altered, knowledge, 'checkpoint', NOON).allowed).toBe(false);
    expect(checkScan('https://example.com/pay', knowledge, 'checkpoint', NOON)).toMatchObject({ allowed: false, reason: 'malformed' });
    expect(checkScan(token(), knowledge, 'sealed', NOON)).toMatchObject({ allowed: false, reason: 'sealed_entrance' });
    expect(checkScan(token(), null, 'checkpoint', NOON)).toMatchObject({ allowed: false, reason: 'unknown_key' });
  });

  it('uses the Asia/Shanghai day: 23:30 UTC on the last day is already the next day there', () => {
    expect(checkScan(token({ t: '2020-02-13' }), knowledge, 'checkpoint', new Date('2020-02-13T15:59:00.000Z')).allowed).toBe(true);
    expect(checkScan(token({ t: '2020-02-13' }), knowledge, 'checkpoint', new Date('2020-02-13T16:01:00.000Z'))).toMatchObject({ reason: 'expired' });
  });

  it('sends the scan with what the phone showed', () => {
    const verdict = checkScan(token({ p: 'p-revoked' }), knowledge, 'checkpoint', NOON);
    const passage = passageOfScan({ id: 'a', entranceId: 'e', at: NOON.toISOString(), direction: 'in', token: ` ${token()} `, verdict, temperature: 36.5 });
    expect(passage).toMatchObject({ kind: 'pass', deviceVerdict: { allowed: false, reason: 'revoked' }, temperature: 36.5, token: token() });
    expect(passageOfScan({ id: 'a', entranceId: 'e', at: '', direction: 'out', token: 't', verdict: { allowed: true, claims: {} as PassClaims }, temperature: null })).not.toHaveProperty('temperature');
  });
});

describe('a code held in front of the camera', () => {
  it('counts once while it stays in view, and again after 3 s out of view', () => {
    const filter = new RepeatFilter(3000);
    expect(filter.isNew('A', 0)).toBe(true);
    // Eight frames a second for ten seconds: the same person.
    for (let t = 125; t <= 10_000; t += 125) expect(filter.isNew('A', t)).toBe(false);
    expect(filter.isNew('B', 10_100)).toBe(true);
    expect(filter.isNew('A', 13_200)).toBe(true);
    filter.forgetAll();
    expect(filter.isNew('B', 13_300)).toBe(true);
  });
});

describe('readings', () => {
  it('reads one decimal, refuses a misreading, marks a fever from 37.3', () => {
    expect(checkReading('')).toEqual({ kind: 'empty' });
    expect(checkReading('36,6')).toEqual({ kind: 'ok', value: 36.6, fever: false });
    expect(checkReading('37.3')).toEqual({ kind: 'ok', value: 37.3, fever: true });
    expect(checkReading('45')).toEqual({ kind: 'misread', value: 45 });
    expect(checkReading('33.9')).toEqual({ kind: 'misread', value: 33.9 });
    expect(checkReading('36.55').kind).toBe('format');
    expect(readingProblem(checkReading('45'), false)).toBe('gate-field:reading.measureAgain');
    expect(readingProblem(checkReading(''), false)).toBeNull();
    expect(readingProblem(checkReading(''), true)).toBe('gate-field:reading.required');
  });
});

describe('the visitor form', () => {
  const good = { ...newVisitorDraft(), name: ' 林晓东 ', idNumber: validId('11010119880512135').toLowerCase(), fromPlace: '武汉市', purpose: '送药', temperature: '36.6', healthCode: 'green' as const };

  it('asks for a name, an ID number or a mobile, where from, why and a plausible reading', () => {
    expect(checkVisitorDraft(good, TODAY)).toEqual({});
    expect(checkVisitorDraft(newVisitorDraft(), TODAY)).toEqual({
      name: { key: 'server:validation.required' },
      idNumber: { key: 'server:validation.idOrPhone' },
      fromPlace: { key: 'server:validation.required' },
      purpose: { key: 'server:validation.required' },
      temperature: { key: 'gate-field:reading.required' },
    });
    const wrongDigit = good.idNumber.slice(0, 17) + (good.idNumber.endsWith('0') ? '1' : '0');
    expect(checkVisitorDraft({ ...good, idNumber: wrongDigit, phone: '12345', temperature: '45' }, TODAY)).toEqual({
      idNumber: { key: 'server:validation.idCheckDigit' },
      phone: { key: 'server:validation.phone' },
      temperature: { key: 'gate-field:reading.measureAgain' },
    });
    expect(checkVisitorDraft({ ...good, idNumber: '', phone: '139 0000 1234' }, TODAY)).toEqual({});
  });

  it('knows when a whole ID number or mobile is typed (for the returning-visitor lookup)', () => {
    expect(completeId(good.idNumber, TODAY)).toBe(good.idNumber.toUpperCase());
    expect(completeId(good.idNumber.slice(0, 17), TODAY)).toBeNull();
    expect(completeMobile('139 0000 1234')).toBe('13900001234');
    expect(completeMobile('1390000')).toBeNull();
  });

  it('makes the registration the outbox sends, and reads it back', () => {
    const passage = toVisitorPassage({ ...good, phone: ' 139 0000 1234 ', direction: 'out' }, { id: 'v1', entranceId: 'e1', at: NOON.toISOString() });
    expect(passage).toEqual({
      id: 'v1', entranceId: 'e1', at: NOON.toISOString(), direction: 'out', kind: 'visitor', temperature: 36.6, healthCode: 'green',
      visitor: { name: '林晓东', idNumber: good.idNumber.toUpperCase(), phone: '13900001234', fromPlace: '武汉市', purpose: '送药' },
    });
    expect(fromVisitorPassage(passage)).toMatchObject({ name: '林晓东', phone: '13900001234', temperature: '36.6', healthCode: 'green', direction: 'out', visiting: '' });
  });
});

describe('a patrol round', () => {
  it('counts people checked and fevers, and sends the readings in the order taken', () => {
    let round = newRound({ id: 'r1', groupId: 'g', zoneId: 'z', startedAt: '2020-02-13T02:00:00.000Z' });
    round = addReading(round, { key: '1', temperature: 36.5, healthCode: 'green', name: '' });
    round = addReading(round, { key: '2', temperature: 37.6, healthCode: null, name: ' 王五 ' });
    round = { ...round, checkedWithoutReading: 3, remindersMasks: 2, incidents: '  ' };
    expect(checkedCount(round)).toBe(5);
    expect(feverCount(round)).toBe(1);
    expect(toPatrolRoundInput(round, '2020-02-13T02:40:00.000Z')).toEqual({
      id: 'r1', groupId: 'g', zoneId: 'z', startedAt: '2020-02-13T02:00:00.000Z', endedAt: '2020-02-13T02:40:00.000Z',
      readings: [{ temperature: 36.5, healthCode: 'green' }, { temperature: 37.6, name: '王五' }],
      checkedWithoutReading: 3, remindersMasks: 2, remindersGatherings: 0,
    });
    // A phone clock set back mid-round does not make the round end before it began.
    expect(toPatrolRoundInput(round, '2020-02-13T01:00:00.000Z').endedAt).toBe(round.startedAt);
  });
});

describe('an entrance on the phone', () => {
  const change = (state: 'open' | 'sealed' | 'checkpoint', effectiveAt: string) => ({
    id: effectiveAt, entranceId: 'e', state, effectiveAt, decidedByName: 'x', decidedAt: effectiveAt, note: null, cancelledAt: null, cancelledByName: null,
  });
  const entrance: Entrance = {
    id: 'e', communityId: 'c', communityName: 'C', name: 'E', description: null, sortOrder: 1, state: 'checkpoint',
    since: change('checkpoint', '2020-02-12T15:00:00.000Z'), planned: [change('sealed', '2020-02-13T23:00:00.000Z')], assignees: [],
  };

  it('takes a planned change at its time, synced again or not', () => {
    expect(entranceStateNow(entrance, NOON)).toBe('checkpoint');
    expect(entranceStateNow(entrance, new Date('2020-02-13T23:00:01.000Z'))).toBe('sealed');
    expect(entranceStateNow({ ...entrance, since: null, planned: [], state: 'open' }, NOON)).toBe('open');
  });
});

describe('what the server said about scans made offline', () => {
  it('lists the passes the phone let through and the server turned back', () => {
    const item = (id: string, allowed: boolean) => ({
      passage: { id, entranceId: 'e', at: NOON.toISOString(), direction: 'in', kind: 'pass', token: 't', deviceVerdict: { allowed } } as PassageInput,
      label: { name: '张*根' },
    });
    const answer = (id: string, allowed: boolean): ItemResult => ({ id, result: 'stored', allowed, ...(allowed ? {} : { reason: 'revoked' as const }) });
    expect(disagreements([
      { item: item('a', true), answer: answer('a', false) },
      { item: item('b', true), answer: answer('b', true) },
      { item: item('c', false), answer: answer('c', false) },
    ])).toEqual([{ id: 'a', name: '张*根', at: NOON.toISOString(), reason: 'revoked' }]);
  });
});
