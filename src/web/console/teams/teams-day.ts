import { useSearchParams } from 'react-router-dom';
import { useShanghaiToday } from '../observation/time/clock.ts';

/**
 * The day a teams page shows (`?day=`, kept when the tabs change): today in
 * Shanghai unless another was picked, so a link to "the team on 16 February"
 * keeps showing that day.
 */
export function useTeamsDay(): { day: string; today: string; isToday: boolean; setDay: (day: string) => void } {
  const [params, setParams] = useSearchParams();
  const today = useShanghaiToday();
  const day = params.get('day') ?? today;
  const setDay = (next: string) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next === today) p.delete('day');
        else p.set('day', next);
        return p;
      },
      { replace: true },
    );
  return { day, today, isToday: day === today, setDay };
}
