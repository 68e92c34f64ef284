import { Alert, Button, Modal, Result, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterWeek } from '../../../../contract/rosters.ts';
import { addDays } from '../../../../domain/local-date.ts';
import { useEntrances } from '../../gates/gates.resource.ts';
import { shortDay, weekdayIndex } from '../roster-grid.ts';
import { useCopyWeek, type Copied } from '../rosters.resource.ts';
import { WeekPicker } from '../week-picker.component.tsx';

interface Props {
  communityId: string;
  week: RosterWeek;
  onClose: () => void;
}

type Skipped = Copied['skipped'][number];

/**
 * The shown week filled from a template week (last week unless another is
 * picked). What the server did is shown whole: how many duties were added and
 * each one skipped with why (already there, two places at once, sealed…).
 */
export function CopyWeekModal({ communityId, week, onClose }: Props) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(addDays(week.monday, -7));
  const copy = useCopyWeek();
  // A duty skipped because its entrance is no checkpoint in the week filled is named from all the community's entrances.
  const entrances = useEntrances(communityId);
  const names = new Map([...(entrances.data ?? []).map((e): [string, string] => [e.id, e.name]), ...week.checkpoints.map((c): [string, string] => [c.entranceId, c.name])]);
  const done = copy.data;
  // Nothing added and nothing skipped: the template week had no duties (a week picked by mistake), not "all copied".
  const emptyTemplate = done !== undefined && done.added === 0 && done.skipped.length === 0;
  const to = `${week.monday} – ${addDays(week.monday, 6).slice(5)}`;

  return (
    <Modal
      open
      title={t('teams-console:rosters.copy.title', { to })}
      onCancel={onClose}
      width={done?.skipped.length ? 760 : 520}
      footer={
        done ? (
          <Button type="primary" onClick={onClose} data-testid="roster-copy-close">
            {t('teams-console:rosters.copy.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common:cancel')}</Button>
            <Button
              type="primary"
              loading={copy.isPending}
              disabled={from === week.monday}
              onClick={() => copy.mutate({ communityId, fromMonday: from, toMonday: week.monday })}
              data-testid="roster-copy-submit"
            >
              {t('teams-console:rosters.copy.submit')}
            </Button>
          </>
        )
      }
    >
      {!done && (
        <div data-testid="roster-copy-form">
          <Typography.Paragraph>{t('teams-console:rosters.copy.hint', { to })}</Typography.Paragraph>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
            <Typography.Text strong>{t('teams-console:rosters.copy.from')}</Typography.Text>
            <WeekPicker monday={from} onChange={setFrom} testId="roster-copy-week" />
          </div>
          {from === week.monday && <Alert type="warning" showIcon title={t('teams-console:rosters.copy.same')} style={{ marginTop: 12 }} />}
          {copy.isError && <Alert type="error" showIcon title={copy.error.message} style={{ marginTop: 12 }} data-testid="roster-copy-error" />}
        </div>
      )}
      {done && (
        <div data-testid="roster-copy-result" data-added={done.added} data-skipped={done.skipped.length} data-empty-template={String(emptyTemplate)}>
          <Result
            status={done.added > 0 ? 'success' : emptyTemplate ? 'warning' : 'info'}
            title={emptyTemplate ? t('teams-console:rosters.copy.emptyTemplate') : t('teams-console:rosters.copy.added', { count: done.added })}
            subTitle={
              emptyTemplate
                ? t('teams-console:rosters.copy.emptyTemplateHint', { from: `${from} – ${addDays(from, 6).slice(5)}` })
                : done.skipped.length
                  ? t('teams-console:rosters.copy.skipped', { count: done.skipped.length })
                  : t('teams-console:rosters.copy.nothingSkipped')
            }
            style={{ padding: '16px 0' }}
          />
          {done.skipped.length > 0 && (
            <Table<Skipped>
              size="small"
              rowKey={(s) => `${s.entranceId}|${s.day}|${s.start}|${s.userId}`}
              dataSource={done.skipped}
              pagination={done.skipped.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              onRow={() => ({ 'data-testid': 'roster-copy-skipped' }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'checkpoint', title: t('teams-console:rosters.copy.columns.checkpoint'), render: (_, s) => names.get(s.entranceId) ?? '—' },
                { key: 'day', title: t('teams-console:rosters.copy.columns.day'), render: (_, s) => `${t(`teams:weekdays.${weekdayIndex(s.day)}`)} ${shortDay(s.day)}` },
                { key: 'start', title: t('teams-console:rosters.copy.columns.start'), dataIndex: 'start' },
                { key: 'name', title: t('teams-console:rosters.copy.columns.name'), dataIndex: 'name' },
                { key: 'reason', title: t('teams-console:rosters.copy.columns.reason'), render: (_, s) => <Typography.Text type="warning">{s.message}</Typography.Text> },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
