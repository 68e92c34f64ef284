import type { ArrivalCreate } from '../../../contract/observation.ts';
import { isPlausibleDay } from '../../../domain/local-date.ts';
import { isCitizenIdProblem, normaliseCitizenId, parseCitizenId } from '../../../domain/residents/citizen-id.ts';
import { checkReading, readingProblem } from '../gate/reading.ts';

/**
 * What a person tells about their arrival, as typed on a phone (the public
 * self-declaration page, or a staff member registering them): the form's
 * state, its checks (the server's, so the person sees a typo under the field
 * before sending) and the fields the API takes. Pure, no React.
 */
export type Category = ArrivalCreate['category'];
export type TransportKind = ArrivalCreate['transportKind'];
export type StayKind = ArrivalCreate['stayKind'];
export type ArrivalFields = Omit<ArrivalCreate, 'communityId' | 'plan' | 'id' | 'groupId'>;

export interface ArrivalDraft {
  category: Category | null;
  name: string;
  idNumber: string;
  phone: string;
  /** A county-level code from the division data, and how it reads (湖北省 武汉市 武昌区). */
  originCode: string | null;
  originText: string;
  route: string;
  /** YYYY-MM-DD */
  arrivedOn: string;
  transportKind: TransportKind | null;
  transportRef: string;
  stayKind: StayKind | null;
  /** A household of the ledger (staff only). */
  householdId: string | null;
  stayPlace: string;
  employer: string;
  reason: string;
  symptoms: string;
  /** As typed: 36.5; optional. */
  temperature: string;
  lastTestOn: string;
}

export type ArrivalField = keyof ArrivalDraft;
/** A translation key per field. */
export type ArrivalProblems = Partial<Record<ArrivalField, string>>;

const LIMITS = { name: 40, route: 200, transportRef: 40, stayPlace: 200, employer: 100, reason: 200, symptoms: 200 } as const;

export function newArrivalDraft(today: string): ArrivalDraft {
  return {
    category: null, name: '', idNumber: '', phone: '', originCode: null, originText: '', route: '', arrivedOn: today, transportKind: null, transportRef: '',
    stayKind: null, householdId: null, stayPlace: '', employer: '', reason: '', symptoms: '', temperature: '', lastTestOn: '',
  };
}

export const compactPhone = (s: string) => s.replace(/[\s-]/g, '');
const isMobile = (s: string) => /^1\d{10}$/.test(s);
const isPhone = (s: string) => isMobile(s) || /^0\d{2,3}-?\d{7,8}$/.test(s);

/** The ID number's problem as the person types: shown as soon as all 18 characters are there, not while typing. */
export function idProblem(text: string, today: string): string | null {
  const value = normaliseCitizenId(text);
  if (!value) return 'server:validation.required';
  const parsed = parseCitizenId(value, today);
  return isCitizenIdProblem(parsed) ? `server:validation.${parsed}` : null;
}

/**
 * Every problem of the draft. `mobileOnly`: the public page takes a mobile
 * number only (the staff call it back); staff may note a landline.
 */
export function checkArrivalDraft(draft: ArrivalDraft, today: string, options: { mobileOnly: boolean }): ArrivalProblems {
  const problems: ArrivalProblems = {};
  const text = (field: keyof typeof LIMITS, required: boolean) => {
    const value = draft[field].trim();
    if (!value && required) problems[field] = 'server:validation.required';
    else if (value.length > LIMITS[field]) problems[field] = 'server:validation.tooLong';
  };
  if (!draft.category) problems.category = 'server:validation.arrivalCategory';
  text('name', true);
  const id = idProblem(draft.idNumber, today);
  if (id) problems.idNumber = id;
  const phone = compactPhone(draft.phone);
  if (!phone) problems.phone = 'server:validation.required';
  else if (options.mobileOnly ? !isMobile(phone) : !isPhone(phone)) problems.phone = options.mobileOnly ? 'server:validation.mobile' : 'server:validation.phone';
  if (!draft.originCode) problems.originCode = 'server:validation.origin';
  text('route', false);
  if (!isPlausibleDay(draft.arrivedOn)) problems.arrivedOn = 'server:validation.date';
  else if (draft.arrivedOn > today) problems.arrivedOn = 'server:errors.ARRIVAL_IN_FUTURE';
  if (!draft.transportKind) problems.transportKind = 'server:validation.transportKind';
  text('transportRef', false);
  if (!draft.stayKind) problems.stayKind = 'server:validation.stayKind';
  // Where they stay is what the staff must know: an address, or the household picked from the ledger.
  text('stayPlace', !draft.householdId);
  text('employer', false);
  text('reason', false);
  text('symptoms', false);
  const reading = readingProblem(checkReading(draft.temperature), false);
  if (reading) problems.temperature = reading;
  if (draft.lastTestOn) {
    if (!isPlausibleDay(draft.lastTestOn)) problems.lastTestOn = 'server:validation.date';
    else if (draft.lastTestOn > today) problems.lastTestOn = 'observation-field:form.lastTestFuture';
  }
  return problems;
}

const orUndefined = (s: string) => (s.trim() ? s.trim() : undefined);

/** The fields the API takes; call only on a draft without problems. */
export function toArrivalFields(draft: ArrivalDraft): ArrivalFields {
  const reading = checkReading(draft.temperature);
  return {
    category: draft.category!,
    name: draft.name.trim(),
    idNumber: normaliseCitizenId(draft.idNumber),
    phone: compactPhone(draft.phone),
    originCode: draft.originCode!,
    route: orUndefined(draft.route),
    arrivedOn: draft.arrivedOn,
    transportKind: draft.transportKind!,
    transportRef: orUndefined(draft.transportRef),
    stayKind: draft.stayKind!,
    ...(draft.householdId && draft.stayKind === 'household' ? { householdId: draft.householdId } : {}),
    stayPlace: orUndefined(draft.stayPlace),
    employer: orUndefined(draft.employer),
    reason: orUndefined(draft.reason),
    symptoms: orUndefined(draft.symptoms),
    ...(reading.kind === 'ok' ? { temperature: reading.value } : {}),
    ...(draft.lastTestOn ? { lastTestOn: draft.lastTestOn } : {}),
  };
}

/** The server's field names that belong to this form (others are shown above it). */
export const ARRIVAL_FIELDS: readonly ArrivalField[] = [
  'category', 'name', 'idNumber', 'phone', 'originCode', 'route', 'arrivedOn', 'transportKind', 'transportRef', 'stayKind', 'householdId', 'stayPlace', 'employer',
  'reason', 'symptoms', 'temperature', 'lastTestOn',
];
