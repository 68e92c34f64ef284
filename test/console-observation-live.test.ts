import { describe, expect, it } from 'vitest';
import { showsCommunity } from '../src/web/console/observation/live/community-queries.ts';

const q = (queryKey: unknown[], data?: unknown) => ({ queryKey, state: { data } }) as unknown as Parameters<typeof showsCommunity>[0];

describe('the queries a community change refreshes', () => {
  it('takes the community’s lists, figures and alerts, and its records by the community they say', () => {
    expect(showsCommunity(q(['observation', 'checks', 'zl', 'due', '', '2026-11-26']), 'zl')).toBe(true);
    expect(showsCommunity(q(['observation', 'figures', 'zl', '2026-11-26']), 'zl')).toBe(true);
    expect(showsCommunity(q(['observation', 'arrival', 'a1', '2026-11-26'], { communityId: 'zl' }), 'zl')).toBe(true);
    expect(showsCommunity(q(['observation', 'group', 'g1', '2026-11-26'], { communityId: 'cc' }), 'zl')).toBe(false);
    expect(showsCommunity(q(['observation', 'arrivals', 'cc', 'all', '', '', '2026-11-26']), 'zl')).toBe(false);
  });

  it('leaves what the work does not change: a signed letter, the template, other pages’ queries', () => {
    expect(showsCommunity(q(['observation', 'letter', 'l1'], { communityId: 'zl' }), 'zl')).toBe(false);
    expect(showsCommunity(q(['observation', 'template', 'zl']), 'zl')).toBe(false);
    expect(showsCommunity(q(['gates', 'live', 'zl']), 'zl')).toBe(false);
  });
});
