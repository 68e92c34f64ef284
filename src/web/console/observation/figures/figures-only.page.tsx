import { useQueries, useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import { roleAllows } from '../../../../domain/access/roles.ts';
import { childrenQuery } from '../../org/org.resource.ts';
import { UnitTreeSelect } from '../../shared/unit-tree-select.component.tsx';
import { figuresQuery, useFigures, type Figures } from '../observation.resource.ts';
import { useShanghaiToday } from '../time/clock.ts';
import { FEVER_RED } from '../observation-format.ts';
import { FIGURES } from './figure-keys.ts';
import { FiguresCards } from './figures-cards.component.tsx';
import { FiguresDay } from './figures-day.component.tsx';

/** The unit of the user's first role that sees observation figures: a street office's street. */
function ownUnitOf(me: Me): string | undefined {
  return me.roles.find((r) => roleAllows(r.role, 'observation.figures') && r.unit)?.unit?.id;
}

/**
 * For offices above the communities (a street office): the day's figures of
 * any unit of theirs, and of each unit under it. Counts only: the lists of
 * people stay with the communities.
 */
export function FiguresOnlyPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<string | undefined>(() => ownUnitOf(me));
  const [day, setDay] = useState<string | undefined>();
  const today = useShanghaiToday();
  const shown = day ?? today;
  const figures = useFigures(unitId, shown);
  const children = useQuery({ ...childrenQuery(unitId ?? '', false), enabled: Boolean(unitId) });
  // Arrivals belong to communities: below a community (its groups) there is nothing to count.
  const units = (children.data ?? []).filter((u) => u.current && u.kind !== 'group' && u.kind !== 'grid');
  const rows = useQueries({
    queries: units.map((u) => figuresQuery(u.id, shown)),
  });

  return (
    <Card
      title={t('observation-console:title')}
      extra={
        <Space wrap>
          <FiguresDay day={day} today={today} onDay={setDay} />
          <UnitTreeSelect value={unitId} allowClear={false} onChange={setUnitId} placeholder={t('observation-console:figures.pickUnit')} style={{ width: 220 }} />
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('observation-console:figures.onlyFigures')}</Typography.Text>
        {figures.error && <Typography.Text type="danger">{figures.error.message}</Typography.Text>}
        <FiguresCards figures={figures.data} loading={figures.isPending} />
        {units.length > 0 && (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            data-testid="figures-children"
            scroll={{ x: 'max-content' }}
            dataSource={units.map((u, i) => ({ id: u.id, name: u.name, figures: rows[i]?.data }))}
            columns={[
              { key: 'name', title: t('observation-console:figures.unit'), dataIndex: 'name', fixed: 'left' },
              ...FIGURES.map((f) => ({
                key: f.key,
                title: t(`observation:figures.${f.key}`),
                align: 'right' as const,
                render: (_: unknown, r: { figures: Figures | undefined }) => {
                  if (!r.figures) return '';
                  const value = f.value(r.figures);
                  return <span style={f.alarm && value > 0 ? { color: FEVER_RED, fontWeight: 700 } : undefined}>{value}</span>;
                },
              })),
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
