import { isFever, isPlausibleTemperature } from '../../../domain/gates/temperature.ts';
import { readTemperature } from '../screening/visit-draft.ts';

/**
 * A thermometer reading as typed at a gate or on patrol: nothing yet, not a
 * number with one decimal, a misreading (outside 34.0–43.0 °C: measure again),
 * or a reading, which may be a fever (37.3 °C and above).
 */
export type Reading =
  | { kind: 'empty' }
  | { kind: 'format' }
  | { kind: 'misread'; value: number }
  | { kind: 'ok'; value: number; fever: boolean };

export function checkReading(text: string): Reading {
  const value = readTemperature(text);
  if (value === null) return { kind: 'empty' };
  if (Number.isNaN(value)) return { kind: 'format' };
  if (!isPlausibleTemperature(value)) return { kind: 'misread', value };
  return { kind: 'ok', value, fever: isFever(value) };
}

/** The translation key of what is wrong with a reading, or null when it can be kept (an empty one only when optional). */
export function readingProblem(reading: Reading, required: boolean): string | null {
  if (reading.kind === 'empty') return required ? 'gate-field:reading.required' : null;
  if (reading.kind === 'format') return 'gate-field:reading.format';
  if (reading.kind === 'misread') return 'gate-field:reading.measureAgain';
  return null;
}

/** The value to send: a kept reading, else nothing. */
export const readingValue = (reading: Reading): number | null => (reading.kind === 'ok' ? reading.value : null);
