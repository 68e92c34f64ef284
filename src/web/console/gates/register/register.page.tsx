import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import type { PassageRow } from '../../../../contract/gates.ts';
import { shanghaiDate } from '../../../../domain/local-date.ts';
import { query } from '../../../shared/api.ts';
import { formatCount } from '../../figures/figures-format.ts';
import { GatesFrame } from '../gates-frame.component.tsx';
import { clockOf } from '../gate-format.ts';
import { registerWorkbookUrl, useEntrances, useRegister } from '../gates.resource.ts';
import { useUrlParams } from '../../../shared/url-params.ts';
import { HealthCodeCell, IdentityCell, ResultCell, TemperatureCell, WhoCell } from './register-cells.component.tsx';

/** The gate register: a day's registrations at the community's gates, to read, export and print. */
export function RegisterPage({ me }: { me: Me }) {
  return <GatesFrame me={me} section="register">{(communityId) => <RegisterBody key={communityId} communityId={communityId} />}</GatesFrame>;
}

function RegisterBody({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, set] = useUrlParams({ replace: true });
  const today = shanghaiDate();
  const day = params.get('day') ?? today;
  const entranceId = params.get('entranceId') ?? undefined;
  const feverOnly = params.get('fever') === '1';
  const filters = { communityId, entranceId, day };
  const register = useRegister(filters);
  const entrances = useEntrances(communityId);
  const rows = (register.data ?? []).filter((r) => !feverOnly || r.fever);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <DatePicker
          value={dayjs(day)}
          format="YYYY-MM-DD"
          allowClear={false}
          disabledDate={(d) => d.format('YYYY-MM-DD') > today}
          onChange={(d) => set({ day: d && d.format('YYYY-MM-DD') !== today ? d.format('YYYY-MM-DD') : undefined })}
          data-testid="register-day"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('gate-console:register.allEntrances')}
          value={entranceId}
          onChange={(v: string | undefined) => set({ entranceId: v })}
          // Checkpoints first: that is where registrations happen.
          options={[...(entrances.data ?? [])]
            .sort((a, b) => Number(b.state === 'checkpoint') - Number(a.state === 'checkpoint'))
            .map((e) => ({ value: e.id, label: e.name }))}
          style={{ width: 200 }}
          data-testid="register-entrance"
        />
        <Checkbox checked={feverOnly} onChange={(e) => set({ fever: e.target.checked ? '1' : undefined })} data-testid="register-fever-only">
          {t('gate-console:register.feverOnly')}
        </Checkbox>
        <div style={{ flex: 1 }} />
        <Button icon={<DownloadOutlined />} href={registerWorkbookUrl(filters)} data-testid="register-export">
          {t('gate-console:register.export')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => void navigate(`/gates/register/print${query({ communityId: params.get('communityId'), entranceId, day })}`)} data-testid="register-print">
          {t('gate-console:register.print')}
        </Button>
      </div>
      {register.isError && <Alert type="error" showIcon title={register.error.message} />}
      <Table<PassageRow>
        data-testid="register"
        // Tests wait for the rows of the filters asked, not the previous ones kept on screen meanwhile.
        data-fresh={String(!register.isPlaceholderData && !register.isPending)}
        data-entrance={entranceId ?? ''}
        rowKey="id"
        size="small"
        loading={register.isPending}
        style={{ opacity: register.isPlaceholderData ? 0.6 : 1 }}
        dataSource={rows}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => t('gate-console:register.total', { count: n, formatted: formatCount(n) }) }}
        locale={{ emptyText: t('gate-console:register.none') }}
        onRow={(r) => ({ 'data-testid': 'register-row', 'data-kind': r.kind, style: r.fever ? { background: '#fff1f0' } : undefined }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'time',
            title: t('gate-console:register.columns.time'),
            width: 96,
            sorter: (a, b) => a.at.localeCompare(b.at),
            render: (_, r) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {clockOf(r.at)} <Tag color={r.direction === 'in' ? 'blue' : 'default'}>{t(`gates:directions.${r.direction}`)}</Tag>
              </span>
            ),
          },
          ...(entranceId ? [] : [{ key: 'entrance', title: t('gate-console:register.columns.entrance'), width: 100, render: (_: unknown, r: PassageRow) => r.entranceName }]),
          {
            key: 'name',
            title: t('gate-console:register.columns.name'),
            width: 110,
            render: (_, r) => (
              <span>
                <span data-testid="register-name">{r.name}</span>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`gates:kinds.${r.kind}`)}
                </Typography.Text>
              </span>
            ),
          },
          { key: 'who', title: t('gate-console:register.columns.who'), width: 140, render: (_, r) => <WhoCell row={r} /> },
          { key: 'identity', title: t('gate-console:register.columns.identity'), width: 160, render: (_, r) => <IdentityCell row={r} /> },
          {
            key: 'purpose',
            title: t('gate-console:register.columns.purpose'),
            width: 120,
            render: (_, r) => [r.purpose, r.visiting && t('gate-console:register.visiting', { place: r.visiting })].filter(Boolean).join(' · '),
          },
          {
            key: 'temperature',
            title: t('gate-console:register.columns.temperature'),
            width: 120,
            render: (_, r) => (
              <Space size={4} wrap>
                <TemperatureCell row={r} />
                <HealthCodeCell row={r} />
              </Space>
            ),
          },
          { key: 'result', title: t('gate-console:register.columns.result'), width: 130, render: (_, r) => <ResultCell row={r} /> },
          { key: 'recorder', title: t('gate-console:register.columns.recordedBy'), width: 140, render: (_, r) => r.recordedByName },
        ]}
      />
    </Space>
  );
}
