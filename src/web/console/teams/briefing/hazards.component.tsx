import { CheckOutlined, MessageOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Card, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dateTimeOf } from '../../gates/gate-format.ts';
import type { Hazard } from './briefing.resource.ts';

const HAZARD_RED = '#cf1322';

interface Props {
  hazards: readonly Hazard[];
  manage: boolean;
  onUpdate: (hazard: Hazard, closing: boolean) => void;
}

/** Open hazards first and in red, each with its updates; those closed that day below, greyed. */
export function HazardList({ hazards, manage, onUpdate }: Props) {
  const open = hazards.filter((h) => h.closedAt === null);
  const closed = hazards.filter((h) => h.closedAt !== null);
  return (
    <div data-testid="hazards" data-open={open.length} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {open.map((h) => (
        <HazardCard key={h.id} hazard={h} manage={manage} onUpdate={onUpdate} />
      ))}
      {closed.map((h) => (
        <HazardCard key={h.id} hazard={h} manage={false} onUpdate={onUpdate} />
      ))}
    </div>
  );
}

function HazardCard({ hazard: h, manage, onUpdate }: { hazard: Hazard; manage: boolean; onUpdate: Props['onUpdate'] }) {
  const { t } = useTranslation();
  const isOpen = h.closedAt === null;
  return (
    <Card
      size="small"
      data-testid="hazard"
      data-place={h.place}
      data-state={isOpen ? 'open' : 'closed'}
      style={isOpen ? { borderColor: '#ffa39e', background: '#fff1f0' } : { opacity: 0.75 }}
      title={
        <Space wrap size={8}>
          {isOpen && <WarningFilled style={{ color: HAZARD_RED }} />}
          <Tag color={isOpen ? 'red' : 'default'} style={{ fontSize: 13 }}>
            {t(`teams:hazardKinds.${h.kind}`)}
          </Tag>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {h.place}
          </Typography.Text>
          {isOpen ? (
            <Tag color="red">{t('teams-console:hazards.open')}</Tag>
          ) : (
            <Tag color="green">{t('teams-console:hazards.closedAt', { when: dateTimeOf(h.closedAt!) })}</Tag>
          )}
        </Space>
      }
      extra={
        manage && (
          <Space>
            <Button size="small" icon={<MessageOutlined />} onClick={() => onUpdate(h, false)} data-testid="hazard-update">
              {t('teams-console:hazards.update')}
            </Button>
            <Button size="small" icon={<CheckOutlined />} onClick={() => onUpdate(h, true)} data-testid="hazard-close-open">
              {t('teams-console:hazards.close')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph style={{ marginBottom: 6 }}>{h.description}</Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('teams-console:hazards.reported', { name: h.reportedByName, when: dateTimeOf(h.reportedAt) })}
      </Typography.Text>
      {h.updates.length > 0 && (
        <Timeline
          style={{ marginTop: 12, marginBottom: -16 }}
          items={h.updates.map((u, i) => ({
            key: i,
            color: u.closed ? 'green' : 'blue',
            content: (
              <span data-testid="hazard-update-item">
                <Typography.Text type="secondary">{`${dateTimeOf(u.at)} ${u.byName}`}</Typography.Text> {u.note}
                {u.closed && <Tag color="green" style={{ marginInlineStart: 6 }}>{t('teams-console:hazards.closedTag')}</Tag>}
              </span>
            ),
          }))}
        />
      )}
    </Card>
  );
}
