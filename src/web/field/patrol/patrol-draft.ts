import type { PatrolRoundInput } from '../../../contract/gates.ts';
import { isFever } from '../../../domain/gates/temperature.ts';

/**
 * A patrol round while it is walked: the zone, when it began, each
 * person checked with a reading, people only counted, reminders given and
 * incidents; and the round the outbox sends once finished. Pure, no React.
 */
export type HealthCode = NonNullable<PatrolRoundInput['readings'][number]['healthCode']>;

export interface ReadingDraft {
  /** Only to tell readings apart on screen (the server numbers nothing). */
  key: string;
  temperature: number;
  healthCode: HealthCode | null;
  name: string;
}

export interface RoundDraft {
  id: string;
  groupId: string;
  zoneId: string;
  startedAt: string;
  readings: ReadingDraft[];
  checkedWithoutReading: number;
  remindersMasks: number;
  remindersGatherings: number;
  incidents: string;
}

/** The most the server takes for a counter, and for the list of readings. */
export const COUNTER_MAX = 5000;
export const READINGS_MAX = 500;
export const INCIDENTS_MAX = 500;

export function newRound(meta: { id: string; groupId: string; zoneId: string; startedAt: string }): RoundDraft {
  return { ...meta, readings: [], checkedWithoutReading: 0, remindersMasks: 0, remindersGatherings: 0, incidents: '' };
}

export function addReading(round: RoundDraft, reading: ReadingDraft): RoundDraft {
  if (round.readings.length >= READINGS_MAX) return round;
  // Newest first: the one just taken is under the thumb.
  return { ...round, readings: [reading, ...round.readings] };
}

export function removeReading(round: RoundDraft, key: string): RoundDraft {
  return { ...round, readings: round.readings.filter((r) => r.key !== key) };
}

/** People checked in all: with a reading, and only counted. */
export const checkedCount = (round: RoundDraft) => round.readings.length + round.checkedWithoutReading;
export const feverCount = (round: RoundDraft) => round.readings.filter((r) => isFever(r.temperature)).length;

export function toPatrolRoundInput(round: RoundDraft, endedAt: string): PatrolRoundInput {
  const incidents = round.incidents.trim().slice(0, INCIDENTS_MAX);
  return {
    id: round.id,
    groupId: round.groupId,
    zoneId: round.zoneId,
    startedAt: round.startedAt,
    endedAt: endedAt < round.startedAt ? round.startedAt : endedAt,
    // Sent in the order taken.
    readings: [...round.readings].reverse().map((r) => ({
      temperature: r.temperature,
      ...(r.healthCode ? { healthCode: r.healthCode } : {}),
      ...(r.name.trim() ? { name: r.name.trim().slice(0, 30) } : {}),
    })),
    checkedWithoutReading: Math.min(round.checkedWithoutReading, COUNTER_MAX),
    remindersMasks: Math.min(round.remindersMasks, COUNTER_MAX),
    remindersGatherings: Math.min(round.remindersGatherings, COUNTER_MAX),
    ...(incidents ? { incidents } : {}),
  };
}
