import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Issue } from '../../../../contract/reports.ts';
import { shanghaiDateTime } from '../../../../domain/local-date.ts';
import { PrintFrame } from '../../gates/print-frame.component.tsx';
import { FIGURE_SECTIONS } from '../figure-sections.ts';
import { printTitle, reportPath } from './report-write-model.ts';
import { useReport } from './report-write.resource.ts';
import './report-print.css';

const when = (at: string) => shanghaiDateTime(new Date(at));

/**
 * One version of a report on A4 portrait: the title with the community, the
 * team and the day, the version and who submitted it, the figures by section,
 * the narrative, the issues with their answers, and lines to sign.
 */
export function ReportPrintPage() {
  const { t } = useTranslation();
  const { reportId = '' } = useParams();
  const report = useReport(reportId);
  const r = report.data;
  const title = r ? printTitle(t, r) : t('reports-console:title');
  const version = r?.versions.find((v) => v.id === r.id);
  return (
    <PrintFrame
      back={r ? reportPath(r.community.id, r.day, r.team?.id) : '/reports/write'}
      title={title}
      summary={version ? t('reports-console:print.summary', { version: version.version, at: when(version.submittedAt), name: version.submittedByName }) : undefined}
      loading={report.isPending}
      error={report.error?.message}
      pageMargin="12mm 0"
    >
      {r && (
        <article className="report-sheet" data-testid="report-sheet">
          <h2 className="gate-register-title" data-testid="report-sheet-title">
            {title}
          </h2>
          <p className="gate-register-summary" data-testid="report-sheet-summary">
            {version
              ? t('reports-console:print.versionLine', { version: version.version, at: when(version.submittedAt), name: version.submittedByName })
              : t(`reports-console:state.${r.state}`)}
            {version?.late ? ` · ${t('reports-console:head.late')}` : ''}
            {version?.correctionReason ? ` · ${t('reports-console:print.reason', { reason: version.correctionReason })}` : ''}
          </p>
          <h3>{t('reports-console:figures.title')}</h3>
          <div className="report-sheet-figures">
            {FIGURE_SECTIONS.map((s) => (
              <table key={s.section} className="gate-register-table" data-testid="report-sheet-section" data-section={s.section}>
                <thead>
                  <tr>
                    <th colSpan={2}>{t(`server:reportSections.${s.section}`)}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.keys.map((k) => (
                    <tr key={k} data-testid="report-sheet-figure" data-key={k}>
                      <td>{t(`server:reportFigures.${k}`)}</td>
                      <td className="report-sheet-num">{r.figures[k]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
          <h3>{t('reports-console:draft.narrative')}</h3>
          <p className="report-sheet-narrative" data-testid="report-sheet-narrative">
            {r.narrative || '—'}
          </p>
          <h3>{t('reports-console:print.issues', { count: r.issues.length, to: r.sendsTo.name })}</h3>
          {r.issues.map((issue, n) => (
            <PrintedIssue key={issue.id} issue={issue} n={n + 1} />
          ))}
          <div className="report-sheet-signature">
            <div>
              {t('reports-console:print.preparedBy')}
              <span />
            </div>
            <div>
              {t('reports-console:print.approvedBy')}
              <span />
            </div>
            <div>
              {t('reports-console:print.date')}
              <span />
            </div>
          </div>
        </article>
      )}
    </PrintFrame>
  );
}

function PrintedIssue({ issue, n }: { issue: Issue; n: number }) {
  const { t } = useTranslation();
  const answer = issue.answers[0];
  return (
    <div className={issue.flagged ? 'report-sheet-issue report-sheet-issue-flagged' : 'report-sheet-issue'} data-testid="report-sheet-issue">
      <div>
        {n}. [{t(`server:issueKinds.${issue.kind}`)} · {t(`server:issueTopics.${issue.topic}`)}] <span data-testid="report-sheet-issue-text">{issue.text}</span>
      </div>
      <div className="report-sheet-answer">
        {t(`server:issueStatuses.${issue.status}`)}
        {issue.flagged ? ` · ${t('reports-console:sent.flaggedShort')}` : ''}
        {answer
          ? ` · ${t('reports-console:print.answerLine', {
              text: answer.status === 'declined' ? answer.reason : answer.measure,
              by: t('reports-console:sent.answeredBy', { office: answer.officeName, name: answer.byName, at: when(answer.at) }),
            })}`
          : ''}
      </div>
    </div>
  );
}
