import type { PassageInput } from '../../../contract/gates.ts';
import { isCitizenIdProblem, normaliseCitizenId, parseCitizenId } from '../../../domain/residents/citizen-id.ts';
import { checkReading, readingProblem } from './reading.ts';

/**
 * The visitor form's state as typed, its checks (the server's, so a
 * registration made offline is not refused hours later for a typo), and the
 * registration the outbox sends. Pure, no React.
 */
export type HealthCode = NonNullable<PassageInput['healthCode']>;
export type Direction = PassageInput['direction'];

export interface VisitorDraft {
  name: string;
  idNumber: string;
  phone: string;
  fromPlace: string;
  purpose: string;
  visiting: string;
  /** As typed: 36.5 */
  temperature: string;
  healthCode: HealthCode | null;
  direction: Direction;
}

/** A translation key and its parameters, per field. */
export type DraftProblems = Partial<Record<keyof VisitorDraft, { key: string; params?: Record<string, string | number> }>>;

const LIMITS = { name: 30, fromPlace: 60, purpose: 60, visiting: 60 } as const;

export function newVisitorDraft(direction: Direction = 'in'): VisitorDraft {
  return { name: '', idNumber: '', phone: '', fromPlace: '', purpose: '', visiting: '', temperature: '', healthCode: null, direction };
}

/** A phone number as the server keeps it: no spaces. */
export const compactPhone = (s: string) => s.replace(/\s/g, '');
const phoneOk = (s: string) => /^1\d{10}$/.test(s) || /^0\d{2,3}-?\d{7,8}$/.test(s);

/** The ID number typed, once it is a whole valid one (for the returning-visitor lookup); else null. */
export function completeId(text: string, today: string): string | null {
  const id = parseCitizenId(text, today);
  return isCitizenIdProblem(id) ? null : id.value;
}

/** A whole mobile number typed (11 digits), else null. */
export function completeMobile(text: string): string | null {
  const phone = compactPhone(text);
  return /^1\d{10}$/.test(phone) ? phone : null;
}

export function checkVisitorDraft(draft: VisitorDraft, today: string): DraftProblems {
  const problems: DraftProblems = {};
  const text = (field: 'name' | 'fromPlace' | 'purpose' | 'visiting', required: boolean) => {
    const value = draft[field].trim();
    if (!value && required) problems[field] = { key: 'server:validation.required' };
    else if (value.length > LIMITS[field]) problems[field] = { key: 'server:validation.tooLong' };
  };
  text('name', true);
  const idText = draft.idNumber.trim();
  const phone = compactPhone(draft.phone);
  if (!idText && !phone) problems.idNumber = { key: 'server:validation.idOrPhone' };
  if (idText) {
    const id = parseCitizenId(idText, today);
    if (isCitizenIdProblem(id)) problems.idNumber = { key: `server:validation.${id}` };
  }
  if (phone && !phoneOk(phone)) problems.phone = { key: 'server:validation.phone' };
  text('fromPlace', true);
  text('purpose', true);
  text('visiting', false);
  const reading = readingProblem(checkReading(draft.temperature), true);
  if (reading) problems.temperature = { key: reading };
  return problems;
}

const orUndefined = (s: string) => (s.trim() ? s.trim() : undefined);

/** The registration the outbox keeps and sends; call only on a draft without problems. */
export function toVisitorPassage(draft: VisitorDraft, meta: { id: string; entranceId: string; at: string }): PassageInput {
  const reading = checkReading(draft.temperature);
  const idNumber = orUndefined(draft.idNumber);
  const phone = orUndefined(compactPhone(draft.phone));
  const visiting = orUndefined(draft.visiting);
  return {
    ...meta,
    direction: draft.direction,
    kind: 'visitor',
    ...(reading.kind === 'ok' ? { temperature: reading.value } : {}),
    ...(draft.healthCode ? { healthCode: draft.healthCode } : {}),
    visitor: {
      name: draft.name.trim(),
      ...(idNumber ? { idNumber: normaliseCitizenId(idNumber) } : {}),
      ...(phone ? { phone } : {}),
      fromPlace: draft.fromPlace.trim(),
      purpose: draft.purpose.trim(),
      ...(visiting ? { visiting } : {}),
    },
  };
}

/** A kept registration back into the form (to correct one the server refused). */
export function fromVisitorPassage(passage: PassageInput): VisitorDraft {
  const v = passage.visitor;
  return {
    name: v?.name ?? '',
    idNumber: v?.idNumber ?? '',
    phone: v?.phone ?? '',
    fromPlace: v?.fromPlace ?? '',
    purpose: v?.purpose ?? '',
    visiting: v?.visiting ?? '',
    temperature: passage.temperature === undefined ? '' : passage.temperature.toFixed(1),
    healthCode: passage.healthCode ?? null,
    direction: passage.direction,
  };
}
