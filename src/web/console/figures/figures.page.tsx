import { Alert, Card, DatePicker, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../contract/auth.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { hasPermission } from '../../shared/session.ts';
import { UnitTreeSelect } from '../shared/unit-tree-select.component.tsx';
import { useUrlParams } from '../../shared/url-params.ts';
import { UnitBreadcrumb } from '../shared/unit-breadcrumb.component.tsx';
import { FigureCards } from './figure-cards.component.tsx';
import { FiguresChildren } from './figures-children.component.tsx';
import { groupWordFor, headline } from './figures-format.ts';
import { useFigures } from './figures.resource.ts';

/**
 * Ledger figures of a unit on a day, as the reports give them, with its
 * children to drill into. The unit and the day live in the URL, so a figure
 * can be sent as a link.
 */
export function FiguresPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, set] = useUrlParams();
  const unitId = params.get('unitId') ?? undefined;
  const day = params.get('day') ?? undefined;
  const figures = useFigures(unitId, day);
  const data = figures.data;
  // Days are Shanghai days, as the server counts them, whatever the browser's zone.
  const today = shanghaiDate();
  const open = (id: string) => set({ unitId: id });
  const kinds = [...new Set(data?.children.map((c) => c.kind))];

  // The residents list shows people as they are today: it only matches today's figures.
  const listable = hasPermission(me, 'ledger.read') && (!data || data.day === today);

  return (
    <Card
      title={t('screening:nav.figures')}
      extra={
        <Space wrap>
          <UnitTreeSelect value={unitId ?? data?.unit.id} onChange={(v) => set({ unitId: v })} allowClear={false} placeholder={t('screening:figures.unit')} style={{ width: 220 }} />
          <DatePicker
            data-testid="figures-day"
            value={dayjs(day ?? today)}
            format="YYYY-MM-DD"
            allowClear={false}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            onChange={(d) => set({ day: d && d.format('YYYY-MM-DD') !== today ? d.format('YYYY-MM-DD') : undefined })}
            prefix={<Typography.Text type="secondary">{t('screening:figures.asOf')}</Typography.Text>}
          />
        </Space>
      }
    >
      {figures.isError && <Alert type="error" showIcon title={figures.error.message} style={{ marginBottom: 16 }} />}
      {!data && figures.isPending && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {data && (
        <Space orientation="vertical" size={20} style={{ width: '100%', opacity: figures.isPlaceholderData ? 0.6 : 1 }}>
          <div>
            <UnitBreadcrumb me={me} unit={data.unit} permission="ledger.figures" onOpen={open} testId="figures" />
            <Typography.Title level={4} style={{ margin: '12px 0 4px' }} data-testid="figures-total">
              {t('screening:figures.unitHeadline', { name: data.unit.name, headline: headline(t, data.total, groupWordFor(data.unit.kind, data.children)) })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('screening:figures.asOfDay', { day: data.day })}</Typography.Text>
          </div>
          <FigureCards figures={data.total} groupWord={groupWordFor(data.unit.kind, data.children)} residentsOf={listable ? data.unit.id : undefined} />
          <div>
            <Typography.Title level={5}>
              {t('screening:figures.children.title')}
              {kinds.length === 1 && <Typography.Text type="secondary"> · {t(`server:orgKinds.${kinds[0]}`)}</Typography.Text>}
            </Typography.Title>
            <FiguresChildren rows={data.children} total={data.total} onOpen={open} />
          </div>
        </Space>
      )}
    </Card>
  );
}
