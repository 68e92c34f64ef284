import { CopyOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import { RosterOverviewPanel } from '../overview/roster-overview.component.tsx';
import { rosterGrid } from '../roster-grid.ts';
import { managesRoster, readsFromAbove, readsSheet, useRosterScope } from '../roster-scope.ts';
import { RostersFrame } from '../rosters-frame.component.tsx';
import { rosterWorkbookUrl, useRosterWeek } from '../rosters.resource.ts';
import { WeekPicker } from '../week-picker.component.tsx';
import { CopyWeekModal } from './copy-week-modal.component.tsx';
import { RosterGrid, type ShiftRef } from './roster-grid.component.tsx';
import { ShiftPeopleModal } from './shift-people-modal.component.tsx';
import { ShiftsEditModal } from './shifts-edit-modal.component.tsx';

/**
 * /rosters: a community's week of checkpoint duties; for an office above
 * communities with none chosen, the overview of its communities, each
 * opening its week read-only.
 */
export function RosterWeekPage({ me }: { me: Me }) {
  return (
    <RostersFrame me={me} section="week" fallback={readsFromAbove(me) ? <RosterOverviewPanel me={me} /> : undefined}>
      {(communityId) => <WeekBody key={communityId} me={me} communityId={communityId} />}
    </RostersFrame>
  );
}

function WeekBody({ me, communityId }: { me: Me; communityId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { monday, set, search } = useRosterScope(me);
  const week = useRosterWeek(communityId, monday);
  const canManage = managesRoster(me, communityId);
  const [open, setOpen] = useState<ShiftRef | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
  const rows = useMemo(() => (week.data ? rosterGrid(week.data) : []), [week.data]);
  const gaps = week.data?.gaps.length ?? 0;
  // The shift's latest state from the week as refetched, so the dialog follows each add and removal.
  const openRow = open && rows.find((r) => r.entranceId === open.entranceId);
  const openShift = open && openRow?.cells.find((c) => c.day === open.day)?.shifts.find((s) => s.start === open.start && s.end === open.end);
  const editRow = editing ? rows.find((r) => r.entranceId === editing) : undefined;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
        <WeekPicker monday={monday} onChange={(m) => set({ monday: m })} />
        {week.data && rows.length > 0 && (
          <Tag color={gaps ? 'red' : 'green'} style={{ fontSize: 13, padding: '2px 8px' }} data-testid="roster-gap-total" data-gaps={gaps}>
            {gaps ? t('teams-console:rosters.grid.gapsWeek', { count: gaps }) : t('teams-console:rosters.grid.noGaps')}
          </Tag>
        )}
        {!canManage && <Tag data-testid="roster-read-only">{t('teams-console:rosters.readOnly')}</Tag>}
        <div style={{ flex: 1 }} />
        {canManage && (
          // Not while another week is still on screen: the template would be counted back from that week.
          <Button icon={<CopyOutlined />} onClick={() => setCopying(true)} disabled={!week.data || week.isPlaceholderData} data-testid="roster-copy-open">
            {t('teams-console:rosters.copy.open')}
          </Button>
        )}
        {readsSheet(me) && (
          <>
            <Button icon={<DownloadOutlined />} href={rosterWorkbookUrl(communityId, monday)} data-testid="roster-export">
              {t('teams-console:rosters.export')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => void navigate(`/rosters/print${search({ monday })}`)} data-testid="roster-print">
              {t('teams-console:rosters.print.open')}
            </Button>
          </>
        )}
      </div>
      {week.isError && <Alert type="error" showIcon title={week.error.message} action={<Button size="small" onClick={() => void week.refetch()}>{t('teams-console:rosters.retry')}</Button>} />}
      {week.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {week.data && rows.length === 0 && <Empty description={t('teams-console:rosters.grid.noCheckpoints')} style={{ margin: '48px 0' }} />}
      {week.data && rows.length > 0 && (
        <div
          data-testid="roster-week-view"
          // Tests wait for the week asked for, not the previous one kept on screen meanwhile.
          data-monday={week.data.monday}
          data-fresh={String(!week.isPlaceholderData && !week.isFetching)}
          style={{ opacity: week.isPlaceholderData ? 0.6 : 1 }}
        >
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'center', marginBottom: 6 }}>
            <Typography.Text type="secondary">{canManage ? t('teams-console:rosters.grid.hintManage') : t('teams-console:rosters.grid.hintRead')}</Typography.Text>
            <span className="roster-legend">
              <span>
                <i style={{ background: '#fff1f0', border: '1px solid #cf1322' }} />
                {t('teams-console:rosters.legend.gap')}
              </span>
              <span>
                <i style={{ background: '#f6fbf7', border: '1px solid #52a068' }} />
                {t('teams-console:rosters.legend.full')}
              </span>
              <span>
                <i style={{ background: '#efefef', border: '1px solid #d9d9d9' }} />
                {t('teams-console:rosters.legend.closed')}
              </span>
            </span>
          </div>
          <RosterGrid days={week.data.days} rows={rows} canManage={canManage} onShift={setOpen} onEditShifts={setEditing} />
        </div>
      )}
      {open && openRow && openShift && week.data && (
        <ShiftPeopleModal communityId={communityId} week={week.data} row={openRow} day={open.day} shift={openShift} onClose={() => setOpen(null)} />
      )}
      {editRow && <ShiftsEditModal key={editRow.entranceId} entranceId={editRow.entranceId} checkpoint={editRow.name} shifts={editRow.shifts} onClose={() => setEditing(null)} />}
      {copying && week.data && <CopyWeekModal communityId={communityId} week={week.data} onClose={() => setCopying(false)} />}
    </Space>
  );
}
