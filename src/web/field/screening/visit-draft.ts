import type { VisitInput } from '../../../contract/ledger.ts';
import { ageOn } from '../../../domain/residents/age.ts';
import { isCitizenIdProblem, normaliseCitizenId, parseCitizenId, type CitizenId } from '../../../domain/residents/citizen-id.ts';
import type { Relation } from '../../../domain/residents/resident-sheet.ts';

/**
 * The visit form's state as typed, its checks (the same as the server's, so a
 * visit saved offline is not refused hours later for a typo), and the
 * conversion to what the outbox sends. Pure, no React.
 */
export const ARRIVAL_CATEGORIES = ['returnee', 'outside_worker', 'floating'] as const;
export type ArrivalCategory = (typeof ARRIVAL_CATEGORIES)[number];

export interface ArrivalDraft {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  category: ArrivalCategory | null;
  relation: Relation | null;
}

export interface VisitDraft {
  outcome: 'visited' | 'nobody_home';
  presentIds: string[];
  fever: boolean;
  cough: boolean;
  /** As typed: 36.5 */
  temperature: string;
  otherSymptoms: string;
  arrivals: ArrivalDraft[];
  needs: string;
  note: string;
}

/** A translation key and its parameters, per field path (`temperature`, `arrivals.0.idNumber`…, as the server names them). */
export type DraftProblems = Record<string, { key: string; params?: Record<string, string | number> }>;

/** A reading of 37.3 °C or more is a fever (the threshold at every checkpoint). */
export const FEVER_FROM = 37.3;

const LIMITS = { otherSymptoms: 100, needs: 300, note: 500, name: 30 } as const;

export function newDraft(memberIds: readonly string[]): VisitDraft {
  // Most doors open on the whole family: everyone is ticked, the user unticks who is out.
  return { outcome: 'visited', presentIds: [...memberIds], fever: false, cough: false, temperature: '', otherSymptoms: '', arrivals: [], needs: '', note: '' };
}

export function newArrival(id: string): ArrivalDraft {
  return { id, name: '', idNumber: '', phone: '', category: null, relation: null };
}

/** The temperature typed, read as °C with one decimal; null when empty; NaN when not a number. */
export function readTemperature(text: string): number | null {
  const t = text.trim().replace(',', '.').replace(/[℃°Cc\s]/g, '');
  if (!t) return null;
  if (!/^\d{2}(\.\d)?$/.test(t)) return Number.NaN;
  return Math.round(Number(t) * 10) / 10;
}

export function isFeverReading(text: string): boolean {
  const t = readTemperature(text);
  return t !== null && !Number.isNaN(t) && t >= FEVER_FROM;
}

const phoneOk = (s: string) => /^1\d{10}$/.test(s) || /^0\d{2,3}-?\d{7,8}$/.test(s);
const compactPhone = (s: string) => s.replace(/\s/g, '');

/** The age an ID number gives (shown with the birth date, so the user can check it against the card). */
export function arrivalAge(id: CitizenId, today: string): number {
  return ageOn(id.birthDate, today);
}

export function checkDraft(draft: VisitDraft, today: string): DraftProblems {
  const problems: DraftProblems = {};
  if (draft.outcome === 'nobody_home') {
    if (draft.note.trim().length > LIMITS.note) problems.note = { key: 'server:validation.tooLong' };
    return problems;
  }
  if (draft.presentIds.length === 0 && draft.arrivals.length === 0) problems.presentIds = { key: 'field:screening.errors.nobodyPresent' };
  const temperature = readTemperature(draft.temperature);
  if (temperature !== null && Number.isNaN(temperature)) problems.temperature = { key: 'field:screening.errors.temperatureFormat' };
  else if (temperature !== null && (temperature < 34 || temperature > 43)) problems.temperature = { key: 'server:validation.temperature' };
  if (draft.otherSymptoms.trim().length > LIMITS.otherSymptoms) problems.otherSymptoms = { key: 'server:validation.tooLong' };
  if (draft.needs.trim().length > LIMITS.needs) problems.needs = { key: 'server:validation.tooLong' };
  if (draft.note.trim().length > LIMITS.note) problems.note = { key: 'server:validation.tooLong' };

  const seen = new Map<string, number>();
  draft.arrivals.forEach((a, i) => {
    const at = (f: string) => `arrivals.${i}.${f}`;
    const name = a.name.trim();
    if (!name) problems[at('name')] = { key: 'server:validation.required' };
    else if (name.length > LIMITS.name) problems[at('name')] = { key: 'server:validation.tooLong' };
    const id = parseCitizenId(a.idNumber, today);
    if (!a.idNumber.trim()) problems[at('idNumber')] = { key: 'server:validation.required' };
    else if (isCitizenIdProblem(id)) problems[at('idNumber')] = { key: `server:validation.${id}` };
    else if (seen.has(id.value)) problems[at('idNumber')] = { key: 'field:screening.errors.sameIdTwice', params: { n: seen.get(id.value)! + 1 } };
    else seen.set(id.value, i);
    const phone = compactPhone(a.phone);
    if (phone && !phoneOk(phone)) problems[at('phone')] = { key: 'server:validation.phone' };
    if (!a.category) problems[at('category')] = { key: 'server:validation.category' };
    if (!a.relation) problems[at('relation')] = { key: 'server:validation.relation' };
  });
  return problems;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** What goes into the outbox; a visit finding nobody at home carries no answers and registers nobody. */
export function toVisitInput(draft: VisitDraft, at: { id: string; roundId: string; householdId: string; visitedAt: string }): VisitInput {
  const home = draft.outcome === 'visited';
  const temperature = home ? readTemperature(draft.temperature) : null;
  return {
    ...at,
    outcome: draft.outcome,
    presentIds: home ? draft.presentIds : [],
    health: {
      fever: home && draft.fever,
      cough: home && draft.cough,
      otherSymptoms: home ? orNull(draft.otherSymptoms) : null,
      temperature: temperature === null || Number.isNaN(temperature) ? null : temperature,
    },
    arrivals: home
      ? draft.arrivals.map((a) => ({
          id: a.id,
          name: a.name.trim(),
          idNumber: normaliseCitizenId(a.idNumber),
          phone: orNull(compactPhone(a.phone)),
          category: a.category!,
          relation: a.relation!,
        }))
      : [],
    needs: orNull(draft.needs),
    note: orNull(draft.note),
  };
}

/** A saved visit back into the form (to correct one the server refused). */
export function fromVisitInput(visit: VisitInput): VisitDraft {
  return {
    outcome: visit.outcome,
    presentIds: [...visit.presentIds],
    fever: visit.health.fever,
    cough: visit.health.cough,
    temperature: visit.health.temperature == null ? '' : visit.health.temperature.toFixed(1),
    otherSymptoms: visit.health.otherSymptoms ?? '',
    arrivals: visit.arrivals.map((a) => ({ id: a.id, name: a.name, idNumber: a.idNumber, phone: a.phone ?? '', category: a.category, relation: a.relation })),
    needs: visit.needs ?? '',
    note: visit.note ?? '',
  };
}
