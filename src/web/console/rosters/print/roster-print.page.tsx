import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import { addDays } from '../../../../domain/local-date.ts';
import { PrintFrame } from '../../gates/print-frame.component.tsx';
import { shortDay, weekdayIndex } from '../roster-grid.ts';
import { useRosterScope } from '../roster-scope.ts';
import { useRosterSheet } from '../rosters.resource.ts';
import { sheetLines } from './roster-sheet.ts';
import './roster-print.css';

/**
 * The week's roster on A4 landscape in the street's shape: checkpoint, day,
 * shift, names and phones (in full: the server records who printed them),
 * with the community and the week in the title.
 */
export function RosterPrintPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { communityId = '', monday, search } = useRosterScope(me);
  const sheet = useRosterSheet(communityId, monday);
  const lines = sheetLines(sheet.data?.rows ?? []);
  const sunday = addDays(monday, 6);
  const title = t('teams-console:rosters.print.title', { community: sheet.data?.communityName ?? '', from: monday, to: sunday });
  const checkpoints = new Set(lines.map((l) => l.checkpoint)).size;

  return (
    <PrintFrame
      back={`/rosters${search()}`}
      title={title}
      summary={sheet.data ? t('teams-console:rosters.print.summary', { checkpoints, rows: lines.length }) : undefined}
      loading={sheet.isPending && Boolean(communityId)}
      error={communityId ? sheet.error?.message : t('teams-console:rosters.community.none')}
      pageMargin="10mm 10mm"
    >
      {/* After the frame's own page rule, so this one wins: the street's sheet is landscape. */}
      <style>{'@page { size: A4 landscape; }'}</style>
      {sheet.data && (
        <section className="roster-sheet" data-testid="roster-sheet">
          <h2 className="gate-register-title" data-testid="roster-sheet-title">
            {sheet.data.streetName} {title}
          </h2>
          {lines.length === 0 ? (
            <Empty description={t('teams-console:rosters.print.empty')} style={{ margin: 48 }} />
          ) : (
            <table className="gate-register-table roster-sheet-table">
              <thead>
                <tr>
                  <th>{t('teams-console:rosters.print.columns.checkpoint')}</th>
                  <th>{t('teams-console:rosters.print.columns.day')}</th>
                  <th>{t('teams-console:rosters.print.columns.shift')}</th>
                  <th>{t('teams-console:rosters.print.columns.names')}</th>
                  <th>{t('teams-console:rosters.print.columns.phones')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={`${l.checkpoint}|${l.day}|${l.start}|${l.end}`} data-testid="roster-sheet-row" data-checkpoint={l.checkpoint} data-day={l.day} data-start={l.start}>
                    {l.checkpointSpan > 0 && (
                      <td rowSpan={l.checkpointSpan} className="roster-sheet-checkpoint">
                        {l.checkpoint}
                      </td>
                    )}
                    {l.daySpan > 0 && (
                      <td rowSpan={l.daySpan} className="gate-nowrap">
                        {t(`teams:weekdays.${weekdayIndex(l.day)}`)} {shortDay(l.day)}
                      </td>
                    )}
                    <td className="gate-nowrap">
                      {l.start}–{l.end}
                    </td>
                    <td data-testid="roster-sheet-names">
                      {l.people.map((p, i) => (
                        <div key={i}>{p.name}</div>
                      ))}
                      {l.short > 0 && <div className="roster-sheet-short">{t('teams-console:rosters.print.short', { count: l.short })}</div>}
                    </td>
                    <td className="gate-nowrap" data-testid="roster-sheet-phones">
                      {l.people.map((p, i) => (
                        <div key={i}>{p.mobile ?? ''}</div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </PrintFrame>
  );
}
