import type { TFunction } from 'i18next';
import type { Dayjs } from 'dayjs';
import type { ArrivalCreate } from '../../../../contract/observation.ts';
import { isPlausibleTemperature } from '../../../../domain/gates/temperature.ts';
import { shanghaiDate } from '../../../../domain/local-date.ts';
import { dayOf } from '../time/shanghai-time.ts';
import { PHONE_PATTERN } from '../../residents/resident-form.ts';
import { isCitizenIdProblem, parseCitizenId, type CitizenIdProblem } from '../../../../domain/residents/citizen-id.ts';

type Category = ArrivalCreate['category'];
type TransportKind = ArrivalCreate['transportKind'];
type StayKind = ArrivalCreate['stayKind'];

export const CATEGORIES: readonly Category[] = ['outside', 'returnee'];
export const TRANSPORT_KINDS: readonly TransportKind[] = ['train', 'flight', 'vehicle', 'bus', 'other'];
export const STAY_KINDS: readonly StayKind[] = ['household', 'workplace', 'other'];

/** The journey and stay, as a form holds them (a person's registration and a group's share these). */
export interface JourneyValues {
  originCode?: string | undefined;
  route?: string | undefined;
  arrivedOn?: Dayjs | undefined;
  transportKind?: TransportKind | undefined;
  transportRef?: string | undefined;
  stayKind?: StayKind | undefined;
  stayPlace?: string | undefined;
  employer?: string | undefined;
  reason?: string | undefined;
}

const text = (v: string | undefined) => v?.trim() || undefined;

/** The journey and stay fields of the API, empty texts left out. */
export function journeyOf(v: JourneyValues) {
  return {
    originCode: v.originCode ?? '',
    route: text(v.route),
    arrivedOn: v.arrivedOn ? dayOf(v.arrivedOn) : '',
    transportKind: v.transportKind!,
    transportRef: text(v.transportRef),
    stayKind: v.stayKind!,
    stayPlace: text(v.stayPlace),
    employer: text(v.employer),
    reason: text(v.reason),
  };
}

export const optionalText = text;

/**
 * ID number rules for a form field: the format when the field is left (a short
 * number is still being typed), a wrong birth date or check digit at once.
 */
export function idNumberRules(t: TFunction) {
  const check = (v: string | undefined, which: (p: CitizenIdProblem) => boolean) => {
    const r = v?.trim() ? parseCitizenId(v, shanghaiDate()) : null;
    return r && isCitizenIdProblem(r) && which(r) ? Promise.reject(new Error(t(`server:validation.${r}`))) : Promise.resolve();
  };
  return [
    { required: true, whitespace: true, message: t('common:required'), validateTrigger: 'onBlur' },
    { validator: (_: unknown, v?: string) => check(v, (p) => p === 'idFormat'), validateTrigger: 'onBlur' },
    { validator: (_: unknown, v?: string) => check(v, (p) => p !== 'idFormat'), validateTrigger: ['onChange', 'onBlur'] },
  ];
}

/** A mobile or a landline with its area code, as the API takes a phone. */
export function phoneRules(t: TFunction) {
  return [
    { required: true, whitespace: true, message: t('common:required') },
    {
      validator: (_: unknown, v?: string) => {
        const s = (v ?? '').replace(/\s/g, '');
        return !s || PHONE_PATTERN.test(s) ? Promise.resolve() : Promise.reject(new Error(t('server:validation.phone')));
      },
      validateTrigger: 'onBlur',
    },
  ];
}

/** A temperature a thermometer can give (34.0–43.0 °C): anything else is a misreading. */
export function temperatureRules(t: TFunction) {
  return [
    {
      validator: (_: unknown, v?: number | null) =>
        v === undefined || v === null || isPlausibleTemperature(v) ? Promise.resolve() : Promise.reject(new Error(t('observation-console:field.temperatureRange'))),
    },
  ];
}
