import { CopyOutlined, ImportOutlined, QuestionCircleOutlined, SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import type { ResidentStatus, ResidentSummary } from '../../../contract/ledger.ts';
import { FIGURE_CATEGORIES } from '../../../domain/residents/figures.ts';
import { hasPermission } from '../../shared/session.ts';
import { UnitTreeSelect } from '../shared/unit-tree-select.component.tsx';
import { CategoryTags, dash, ElderlyTag, FreeTags, StatusTag, tabular } from './resident-cells.component.tsx';
import { ResidentCreateDrawer } from './resident-create.component.tsx';
import { ExportButton } from './resident-export.component.tsx';
import { useResidents, type ResidentFilters } from './residents.resource.ts';

const STATUSES: ResidentStatus[] = ['living', 'moved_out', 'deceased', 'merged'];
const PAGE_SIZES = [20, 50, 100, 200];
/** Fast enough to feel like searching while typing, slow enough not to ask for every letter. */
const SEARCH_DELAY_MS = 200;

/** Reads the filters from the URL, so a filtered list can be reloaded, bookmarked and sent to a colleague. */
function filtersOf(params: URLSearchParams): ResidentFilters {
  const status = params.get('status');
  const category = params.get('category');
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    unitId: params.get('unitId') ?? undefined,
    q: params.get('q') ?? undefined,
    category: category && (FIGURE_CATEGORIES as readonly string[]).includes(category) ? category : undefined,
    status: status && (STATUSES as string[]).includes(status) ? (status as ResidentStatus) : undefined,
    tag: params.get('tag') ?? undefined,
    page: page >= 1 ? Math.floor(page) : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : PAGE_SIZES[0],
  };
}

/** The household ledger of the user's area: search while typing, filters in the URL, masked values. */
export function ResidentsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const residents = useResidents(filters);
  const [creating, setCreating] = useState(false);
  const [text, setText] = useState(filters.q ?? '');

  /** Changes some filters; any change but the page itself goes back to page 1. */
  const set = (changes: Record<string, string | number | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) if (v !== undefined && v !== '') next.set(k, String(v)); else next.delete(k);
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  // Search while typing, one request per pause rather than per letter.
  const typed = useRef(false);
  const pushed = useRef(filters.q);
  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => {
      pushed.current = text.trim() || undefined;
      set({ q: pushed.current });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `set` is new on every render; only the text matters.
  }, [text]);
  // The URL changed from outside (back button, the menu link): the box shows it.
  useEffect(() => {
    if (filters.q === pushed.current) return;
    pushed.current = filters.q;
    typed.current = false;
    setText(filters.q ?? '');
  }, [filters.q]);

  const filtered = Boolean(filters.unitId || filters.q || filters.category || filters.status || filters.tag);
  const reset = () => {
    typed.current = false;
    pushed.current = undefined;
    setText('');
    setParams(new URLSearchParams(), { replace: true });
  };

  return (
    <Card
      title={t('ledger:nav.residents')}
      extra={
        <Space wrap>
          {hasPermission(me, 'ledger.manage') && (
            <Link to="/residents/duplicates">
              <Button icon={<CopyOutlined />} data-testid="residents-duplicates">
                {t('ledger:list.duplicates')}
              </Button>
            </Link>
          )}
          {hasPermission(me, 'ledger.manage') && (
            <Link to="/residents/import">
              <Button icon={<ImportOutlined />} data-testid="residents-import">
                {t('ledger:list.import')}
              </Button>
            </Link>
          )}
          <ExportButton filters={filters} total={residents.data?.total} canFull={hasPermission(me, 'ledger.reveal')} />
          {hasPermission(me, 'ledger.write') && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)} data-testid="resident-create">
              {t('ledger:list.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <UnitTreeSelect
          value={filters.unitId}
          onChange={(v) => set({ unitId: v })}
          placeholder={t('ledger:list.allOfMyArea')}
          style={{ width: 200 }}
        />
        <Input
          allowClear
          prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
          // The help sits on its own icon, so it never covers the results while typing.
          suffix={
            <Tooltip title={t('ledger:list.searchHelp')} placement="bottomRight">
              <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.35)', cursor: 'help' }} data-testid="resident-search-help" />
            </Tooltip>
          }
          value={text}
          onChange={(e) => {
            typed.current = true;
            setText(e.target.value);
          }}
          placeholder={t('ledger:list.searchPlaceholder')}
          style={{ width: 440 }}
          maxLength={40}
          data-testid="resident-search"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.category}
          onChange={(v?: string) => set({ category: v })}
          placeholder={t('ledger:list.allCategories')}
          style={{ width: 150 }}
          data-testid="resident-category"
          options={FIGURE_CATEGORIES.map((c) => ({ value: c, label: t(`server:categories.${c}`) }))}
        />
        <Select
          value={filters.status ?? 'living'}
          onChange={(v: ResidentStatus) => set({ status: v === 'living' ? undefined : v })}
          style={{ width: 120 }}
          data-testid="resident-status"
          options={STATUSES.map((s) => ({ value: s, label: t(`ledger:status.${s}`) }))}
        />
        {filters.tag && (
          <Tag closable onClose={() => set({ tag: undefined })} style={{ borderStyle: 'dashed', paddingBlock: 4 }}>
            {t('ledger:list.tagFilter', { tag: filters.tag })}
          </Tag>
        )}
        {filtered && (
          <Button type="link" onClick={reset} data-testid="resident-filters-reset">
            {t('ledger:list.clearFilters')}
          </Button>
        )}
      </Space>
      {residents.isError && <Alert type="error" showIcon title={residents.error.message} style={{ marginBottom: 16 }} />}
      <Table<ResidentSummary>
        rowKey="id"
        size="middle"
        loading={residents.isFetching}
        dataSource={residents.data?.items ?? []}
        scroll={{ x: 1080 }}
        data-testid="resident-table"
        onRow={(r) =>
          ({
            'data-testid': 'resident-row',
            onClick: () => void navigate(`/residents/${r.id}`),
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: filtered ? t('ledger:list.noMatch') : t('ledger:list.none') }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: residents.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (n) => t('ledger:list.total', { count: n }),
          onChange: (page, pageSize) => set({ page: page > 1 ? page : undefined, pageSize: pageSize === PAGE_SIZES[0] ? undefined : pageSize }),
        }}
        columns={[
          {
            key: 'name',
            title: t('ledger:field.name'),
            width: 110,
            fixed: 'start',
            render: (_, r) => (
              <Link to={`/residents/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="resident-name">
                {r.name}
              </Link>
            ),
          },
          { key: 'sex', title: t('ledger:field.sex'), width: 72, render: (_, r) => t(`server:sexes.${r.sex}`) },
          {
            key: 'age',
            title: t('ledger:field.age'),
            width: 90,
            render: (_, r) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {r.age}
                {r.elderly && <ElderlyTag />}
              </span>
            ),
          },
          { key: 'id', title: t('ledger:field.idNumber'), width: 150, render: (_, r) => <span style={tabular}>{r.idMasked}</span> },
          { key: 'phone', title: t('ledger:field.phone'), width: 115, render: (_, r) => <span style={tabular}>{r.phoneMasked ?? dash}</span> },
          { key: 'group', title: t('ledger:field.group'), width: 80, render: (_, r) => r.groupName ?? dash },
          { key: 'address', title: t('ledger:field.address'), width: 80, render: (_, r) => r.address ?? dash },
          { key: 'relation', title: t('ledger:field.relation'), width: 130, render: (_, r) => (r.relation ? t(`server:relations.${r.relation}`) : dash) },
          {
            key: 'categories',
            title: t('ledger:field.categories'),
            render: (_, r) => (
              <Space size={[0, 4]} wrap>
                <CategoryTags categories={r.categories} />
                <FreeTags tags={r.tags} onPick={(tag) => set({ tag })} />
              </Space>
            ),
          },
          { key: 'status', title: t('ledger:field.status'), width: 100, render: (_, r) => <StatusTag status={r.status} /> },
        ]}
      />
      {residents.data && residents.data.total === 0 && !filtered && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('ledger:list.emptyHint')}
        </Typography.Paragraph>
      )}
      {creating && <ResidentCreateDrawer onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/residents/${id}`)} />}
    </Card>
  );
}
