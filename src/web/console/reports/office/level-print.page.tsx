import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { LevelDay, LevelRow } from '../../../../contract/reports.ts';
import { query } from '../../../shared/api.ts';
import { PrintFrame } from '../../gates/print-frame.component.tsx';
import { useShanghaiToday } from '../../observation/time/clock.ts';
import { atShanghai, MAIN_FIGURES, stateTags } from './office-format.ts';
import { useLevel } from './office.resource.ts';
import './level-print.css';

const COUNTS = ['communities', 'reportsIn', 'late', 'missing', 'openIssues', 'flaggedIssues'] as const;

/** "<unit> daily reports <day>" on A4 landscape: the units below with the totals, then the communities' reports. */
export function LevelPrintPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const today = useShanghaiToday();
  const orgId = params.get('orgId') ?? undefined;
  const day = params.get('day') ?? today;
  const level = useLevel(orgId, day);
  const data = level.data;
  const title = data ? t('reports-office:print.title', { name: data.unit.name, day: data.day }) : t('reports-office:print.loading');
  return (
    <PrintFrame
      back={`/reports${orgId ? `/${orgId}` : ''}${query({ day: day === today ? undefined : day })}`}
      title={title}
      summary={data ? t('reports-office:print.summary', { reportsIn: data.total.reportsIn, expected: data.total.communities, at: atShanghai(new Date().toISOString()) }) : undefined}
      loading={level.isPending}
      error={level.error?.message}
      pageMargin="10mm 10mm"
    >
      <style>{'@page { size: A4 landscape; }'}</style>
      {data && (
        <section className="level-sheet" data-testid="level-sheet">
          <h2 className="gate-register-title" data-testid="level-sheet-title">
            {title}
          </h2>
          <div className="gate-register-summary">{t('reports-office:print.deadline', { at: atShanghai(data.deadlineAt) })}</div>
          {data.children.length > 0 && <ChildrenTable data={data} />}
          <CommunitiesTable data={data} />
        </section>
      )}
    </PrintFrame>
  );
}

function ChildrenTable({ data }: { data: LevelDay }) {
  const { t } = useTranslation();
  const row = (r: LevelRow, total: boolean) => (
    <tr key={total ? 'total' : r.id} className={total ? 'level-total' : undefined} data-testid={total ? 'print-total' : 'print-child'}>
      <td>{total ? t('reports-office:children.total') : r.name}</td>
      {COUNTS.map((k) => (
        <td key={k} className={`level-num${(k === 'missing' || k === 'flaggedIssues') && r[k] > 0 ? ' level-red' : ''}`}>{r[k]}</td>
      ))}
      {MAIN_FIGURES.map((k) => (
        <td key={k} className="level-num">{r.figures[k]}</td>
      ))}
    </tr>
  );
  return (
    <>
      <h3>{t('reports-office:children.title')}</h3>
      <table className="gate-register-table">
        <thead>
          <tr>
            <th>{t('reports-office:children.name')}</th>
            {COUNTS.map((k) => (
              <th key={k} className="level-num">{t(`reports-office:children.${k}`)}</th>
            ))}
            {MAIN_FIGURES.map((k) => (
              <th key={k} className="level-num">{t(`server:reportFigures.${k}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.children.map((r) => row(r, false))}
          {row(data.total, true)}
        </tbody>
      </table>
    </>
  );
}

function CommunitiesTable({ data }: { data: LevelDay }) {
  const { t } = useTranslation();
  // A street's communities are its children: the column "under" would repeat each name.
  const parent = data.unit.kind !== 'street' && data.unit.kind !== 'community';
  return (
    <>
      <h3>{t('reports-office:communities.title')}</h3>
      <table className="gate-register-table">
        <thead>
          <tr>
            {parent && <th>{t('reports-office:communities.parent')}</th>}
            <th>{t('reports-office:communities.name')}</th>
            <th>{t('reports-office:communities.team')}</th>
            <th>{t('reports-office:communities.state')}</th>
            <th>{t('reports-office:communities.submittedAt')}</th>
            <th className="level-num">{t('reports-office:communities.issues')}</th>
            <th className="level-num">{t('reports-office:children.openIssues')}</th>
            <th className="level-num">{t('reports-office:children.flaggedIssues')}</th>
          </tr>
        </thead>
        <tbody>
          {data.communities.map((c) => (
            <tr key={`${c.id}|${c.teamId ?? ''}`} data-testid="print-community" data-name={c.name} data-state={c.state}>
              {parent && <td>{c.parentName}</td>}
              <td>{c.name}</td>
              <td>{c.teamName ?? t('reports-office:communities.ownReport')}</td>
              <td className={c.overdue ? 'level-red' : undefined}>{stateTags(c).map((s) => t(`reports-office:state.${s.key}`)).join(t('reports-office:print.separator'))}</td>
              <td className="gate-nowrap">{c.submittedAt ? atShanghai(c.submittedAt) : ''}</td>
              <td className="level-num">{c.issues}</td>
              <td className="level-num">{c.openIssues}</td>
              <td className={`level-num${c.flaggedIssues > 0 ? ' level-red' : ''}`}>{c.flaggedIssues}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
