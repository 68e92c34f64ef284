import { Alert, Button, Card, DatePicker, Select, Space, Switch, Tabs, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import { IssueTopic, type Issue } from '../../../../contract/reports.ts';
import { hasPermission } from '../../../shared/session.ts';
import { UnitTreeSelect } from '../../shared/unit-tree-select.component.tsx';
import { IssueAnswerDialog } from './issue-answer-dialog.component.tsx';
import { IssueGroupDialog } from './issue-group-dialog.component.tsx';
import { IssuesTable } from './issues-table.component.tsx';
import { groupProblem, highestUnit, inboxFilterFrom, INBOX_TABS } from './office-format.ts';
import { OfficeNav } from './office-nav.component.tsx';
import { useIssues, officeKeys } from './office.resource.ts';
import { useLevelStream } from '../../shared/level-stream.ts';
import { useUrlParams } from '../../../shared/url-params.ts';

/**
 * The issues and suggestions raised under the unit: open, flagged (waiting
 * past their time), answered, all; only those sent to the reader's office, if
 * asked. The office answers one, or groups similar ones and answers them once.
 */
export function IssuesPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, set] = useUrlParams({ replace: true });
  const filter = inboxFilterFrom(params, highestUnit(me)?.id ?? '');
  const issues = useIssues(filter);
  const live = useLevelStream(filter.orgId || undefined, officeKeys.all);
  const [answering, setAnswering] = useState<Issue | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [grouping, setGrouping] = useState(false);
  const answers = hasPermission(me, 'report.answer');

  const list = useMemo(() => issues.data ?? [], [issues.data]);
  // The picked issues still on screen (a filter change may have taken some away).
  const picked = list.filter((i) => selected.includes(i.id));
  const problem = groupProblem(picked);
  // The dialog shows the issue as the list now has it (a live refresh may have answered it meanwhile).
  const current = answering ? (list.find((i) => i.id === answering.id) ?? answering) : null;

  return (
    <Card
      title={<OfficeNav current="issues" orgId={filter.orgId || undefined} live={live} />}
      extra={
        <Space wrap>
          <UnitTreeSelect value={filter.orgId || undefined} onChange={(v) => set({ orgId: v })} allowClear={false} placeholder={t('reports-office:unit')} style={{ width: 220 }} />
          <Tooltip title={t('reports-office:issues.mineHint')}>
            <span>
              <Switch checked={filter.mine} onChange={(on) => set({ mine: on ? 'true' : undefined })} data-testid="issues-mine" /> {t('reports-office:issues.mine')}
            </span>
          </Tooltip>
        </Space>
      }
    >
      <div data-testid="issues-page" data-loaded={issues.isSuccess && !issues.isPlaceholderData ? 'yes' : ''}>
        <Tabs
          activeKey={filter.tab}
          onChange={(k) => set({ status: k === 'open' ? undefined : k })}
          items={INBOX_TABS.map((k) => ({ key: k, label: <span data-testid={`issues-tab-${k}`}>{t(`reports-office:issues.tabs.${k}`)}</span> }))}
        />
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('reports-office:issues.topicAll')}
            value={filter.topic}
            onChange={(v?: string) => set({ topic: v })}
            options={IssueTopic.options.map((k) => ({ value: k, label: t(`server:issueTopics.${k}`) }))}
            style={{ width: 160 }}
            data-testid="issues-topic"
          />
          <DatePicker.RangePicker
            value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
            onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="issues-range"
          />
          {answers && (
            <Tooltip title={problem && picked.length > 0 ? t(`reports-office:group.problem.${problem}`) : t('reports-office:group.hint')}>
              <Button disabled={Boolean(problem)} onClick={() => setGrouping(true)} data-testid="issues-group">
                {t('reports-office:group.button', { count: picked.length })}
              </Button>
            </Tooltip>
          )}
        </Space>
        {!filter.orgId && <Alert type="info" showIcon title={t('reports-office:issues.pickUnit')} style={{ marginBottom: 12 }} />}
        {issues.isError && <Alert type="error" showIcon title={issues.error.message} style={{ marginBottom: 12 }} />}
        <IssuesTable issues={list} loading={issues.isFetching && !issues.data} selected={selected} onSelect={setSelected} onAnswer={setAnswering} />
      </div>
      <IssueAnswerDialog issue={current} onClose={() => setAnswering(null)} />
      <IssueGroupDialog
        issues={picked}
        open={grouping}
        onClose={(done) => {
          setGrouping(false);
          if (done) setSelected([]);
        }}
      />
    </Card>
  );
}
