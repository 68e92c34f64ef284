import { DayPicker } from '../shared/day-picker.component.tsx';
import { useTeamsDay } from './teams-day.ts';

/** "Show the day": today unless another is picked, kept in the URL, with a way back to today. */
export function TeamsDayPicker({ label, testId }: { label: string; testId: string }) {
  const { day, today, setDay } = useTeamsDay();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <span>{label}</span>
      <DayPicker day={day} today={today} onDay={setDay} testId={testId} />
    </span>
  );
}
