import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, noFigures, percent, rollUp, sumFigures, type DayFigures } from './figures.ts';
import { DEFAULT_RULES, deadlineAt, flagAt, isFlagged, rulesFor, submitProblem } from './report-rules.ts';

const figures = (over: Partial<DayFigures>): DayFigures => ({ ...noFigures(), ...over });

describe('report figures', () => {
  it('adds figures key by key', () => {
    expect(sumFigures([figures({ passages: 3, fevers: 1 }), figures({ passages: 4 }), {}])).toEqual(figures({ passages: 7, fevers: 1 }));
    expect(Object.keys(noFigures())).toEqual([...FIGURE_KEYS]);
  });

  it('rolls communities up into the children they lie under, each counted once, and into the total', () => {
    const add = (into: { n: number }, v: { n: number }) => void (into.n += v.n);
    const { total, byChild } = rollUp(
      ['/43/4302/430211/430211003/', '/43/4302/430211/430211004/'],
      [
        { path: '/43/4302/430211/430211003/430211003017/', value: { n: 5 } },
        { path: '/43/4302/430211/430211003/430211003018/', value: { n: 2 } },
        { path: '/43/4302/430211/430211004/430211004001/', value: { n: 1 } },
      ],
      add,
      () => ({ n: 0 }),
    );
    expect(total.n).toBe(8);
    expect([...byChild.values()].map((v) => v.n)).toEqual([5 + 2, 1]);
  });

  it('gives shares in whole percent, 0 of nothing', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBe(0);
  });
});

describe('report rules', () => {
  it('takes the nearest office’s rule up the chain', () => {
    const set = [{ path: '/43/4302/', minIssues: 2, deadlineTime: '20:00', deadlineNextDay: false, answerHours: 24 }, { path: '/43/4302/430211/430211003/', minIssues: 3, deadlineTime: '18:00', deadlineNextDay: false, answerHours: 12 }];
    expect(rulesFor(['/43/', '/43/4302/', '/43/4302/430211/', '/43/4302/430211/430211003/', '/43/4302/430211/430211003/430211003017/'], set)?.minIssues).toBe(3);
    expect(rulesFor(['/43/', '/43/4302/', '/43/4302/430211/', '/43/4302/430211/430211004/'], set)?.minIssues).toBe(2);
    expect(rulesFor(['/42/'], set)).toBeNull();
  });

  it('sets the deadline in Shanghai time, on the day or the next morning', () => {
    expect(deadlineAt('2020-02-21', DEFAULT_RULES)).toBe('2020-02-21T12:00:00.000Z');
    expect(deadlineAt('2020-02-29', { deadlineTime: '09:00', deadlineNextDay: true })).toBe('2020-03-01T01:00:00.000Z');
    expect(deadlineAt('2020-12-31', { deadlineTime: '00:30', deadlineNextDay: true })).toBe('2020-12-31T16:30:00.000Z');
  });

  it('flags an issue still open past its time, not an answered one', () => {
    const sent = '2020-02-21T11:30:00.000Z';
    const at = flagAt(sent, 24);
    expect(at).toBe('2020-02-22T11:30:00.000Z');
    expect(isFlagged({ status: 'open', flagAt: at }, '2020-02-22T11:29:59.999Z')).toBe(false);
    expect(isFlagged({ status: 'open', flagAt: at }, at)).toBe(true);
    expect(isFlagged({ status: 'accepted', flagAt: at }, '2020-03-01T00:00:00.000Z')).toBe(false);
  });

  it('refuses a day not begun before counting issues, then too few issues', () => {
    expect(submitProblem({ day: '2020-02-22', issues: 0 }, { minIssues: 2 }, '2020-02-21')).toEqual({ code: 'REPORT_DAY_IN_FUTURE' });
    expect(submitProblem({ day: '2020-02-21', issues: 1 }, { minIssues: 2 }, '2020-02-21')).toEqual({ code: 'REPORT_TOO_FEW_ISSUES', min: 2 });
    expect(submitProblem({ day: '2020-02-20', issues: 2 }, { minIssues: 2 }, '2020-02-21')).toBeNull();
    expect(submitProblem({ day: '2020-02-21', issues: 0 }, { minIssues: 0 }, '2020-02-21')).toBeNull();
  });
});
