import { useSearchParams } from 'react-router-dom';

/** Keys of the URL's query to set; an empty or undefined value removes the key. */
export type ParamChanges = Record<string, string | undefined>;

/**
 * The page's URL query, and a way to change some of its keys while keeping
 * the others, so a link keeps what the page shows. `replace`: the change takes
 * the place of the current history entry (a filter typed), instead of adding
 * one that "back" returns from (another unit, another week).
 */
export function useUrlParams({ replace = false } = {}): [URLSearchParams, (changes: ParamChanges) => void] {
  const [params, setParams] = useSearchParams();
  const set = (changes: ParamChanges) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
        return next;
      },
      { replace },
    );
  return [params, set];
}
