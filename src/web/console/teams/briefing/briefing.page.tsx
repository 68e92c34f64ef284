import { WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import { hasPermission } from '../../../shared/session.ts';
import { TeamsDayPicker } from '../teams-day-picker.component.tsx';
import { useTeamsDay } from '../teams-day.ts';
import { TeamsFrame } from '../teams-frame.component.tsx';
import { BriefingNotes } from './briefing-notes.component.tsx';
import { useBriefing, type Hazard } from './briefing.resource.ts';
import { HazardFormModal, HazardUpdateModal } from './hazard-forms.component.tsx';
import { HazardList } from './hazards.component.tsx';
import { TaskFormModal } from './task-form.component.tsx';
import { TaskList } from './task-list.component.tsx';

/** The morning briefing of a day: open hazards on top, the lead's notes, and the tasks with how many are done. */
export function BriefingPage({ me }: { me: Me }) {
  return <TeamsFrame me={me} section="briefing">{(communityId) => <BriefingBody key={communityId} me={me} communityId={communityId} />}</TeamsFrame>;
}

type Dialog = { kind: 'task' } | { kind: 'hazard' } | { kind: 'update'; hazard: Hazard; closing: boolean } | null;

function BriefingBody({ me, communityId }: { me: Me; communityId: string }) {
  const { t } = useTranslation();
  const { day } = useTeamsDay();
  const briefing = useBriefing(communityId, day);
  const [dialog, setDialog] = useState<Dialog>(null);
  const manage = hasPermission(me, 'team.manage');
  const b = briefing.data;
  const openHazards = b?.hazards.filter((h) => h.closedAt === null).length ?? 0;
  const close = () => setDialog(null);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <TeamsDayPicker label={t('teams-console:briefing.dayLabel')} testId="briefing-day" />
        <div style={{ flex: 1 }} />
        {manage && (
          <Button danger icon={<WarningOutlined />} onClick={() => setDialog({ kind: 'hazard' })} data-testid="hazard-add">
            {t('teams-console:hazards.add')}
          </Button>
        )}
      </div>
      {!manage && <Alert type="info" showIcon title={t('teams-console:readOnly')} />}
      {briefing.isError && <Alert type="error" showIcon title={briefing.error.message} />}
      {briefing.isPending && <Card loading size="small" />}
      {b && (
        <div data-testid="briefing" data-day={briefing.isPlaceholderData ? '' : b.day} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          {b.hazards.length > 0 && (
            <section>
              <Typography.Title level={5} style={{ marginTop: 0, color: openHazards ? '#cf1322' : undefined }} data-testid="hazards-title">
                {openHazards ? t('teams-console:hazards.openTitle', { count: openHazards }) : t('teams-console:hazards.title')}
              </Typography.Title>
              <HazardList hazards={b.hazards} manage={manage} onUpdate={(hazard, closing) => setDialog({ kind: 'update', hazard, closing })} />
            </section>
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <TaskList tasks={b.tasks} manage={manage} onAdd={() => setDialog({ kind: 'task' })} />
            </Col>
            <Col xs={24} xl={10}>
              <BriefingNotes key={`${b.communityId}-${b.day}`} briefing={b} manage={manage} />
            </Col>
          </Row>
        </div>
      )}
      {dialog?.kind === 'task' && <TaskFormModal communityId={communityId} day={day} onClose={close} />}
      {dialog?.kind === 'hazard' && <HazardFormModal communityId={communityId} onClose={close} />}
      {dialog?.kind === 'update' && <HazardUpdateModal hazard={dialog.hazard} closing={dialog.closing} onClose={close} />}
    </Space>
  );
}
