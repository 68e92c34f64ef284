import { Form, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DayPicker } from '../../shared/day-picker.component.tsx';
import type { WriterCommunity } from './report-write-model.ts';
import type { Team } from './report-write.resource.ts';

interface Props {
  communities: readonly WriterCommunity[];
  community: WriterCommunity;
  /** The teams that may report that day; the secretary may also report as the community. */
  teams: readonly Team[];
  teamsLoading: boolean;
  teamId: string | undefined;
  day: string;
  today: string;
  /** A refusal about the day (a day still to come), shown under the picker. */
  dayError: string | null;
  onCommunity: (id: string) => void;
  onTeam: (id: string | null) => void;
  onDay: (day: string) => void;
}

/** The value of the writer select that stands for the community itself (team ids are UUIDs, never empty). */
const COMMUNITY = '';

/** Whose report of which day: the community (a select when the user writes for several), who reports, and the day (no day to come). */
export function ReportChooser(props: Props) {
  const { t } = useTranslation();
  const { community, teams } = props;
  const writers = [
    ...(community.asCommunity ? [{ value: COMMUNITY, label: t('reports-console:choose.asCommunity', { name: community.name }) }] : []),
    ...teams.map((team) => ({ value: team.id, label: team.name })),
  ];
  return (
    <Form layout="inline" component="div" style={{ rowGap: 8 }}>
      <Form.Item label={t('reports-console:choose.community')}>
        {props.communities.length > 1 ? (
          <Select
            value={community.id}
            style={{ width: 200 }}
            options={props.communities.map((c) => ({ value: c.id, label: c.name }))}
            onChange={props.onCommunity}
            data-testid="report-community"
          />
        ) : (
          <Tag color="blue" style={{ fontSize: 14, padding: '2px 10px' }} data-testid="report-community">
            {community.name}
          </Tag>
        )}
      </Form.Item>
      <Form.Item label={t('reports-console:choose.writer')}>
        <Select
          value={props.teamId ?? COMMUNITY}
          loading={props.teamsLoading}
          style={{ width: 260 }}
          options={writers}
          notFoundContent={t('reports-console:choose.noTeam')}
          onChange={(v: string) => props.onTeam(v === COMMUNITY ? null : v)}
          data-testid="report-writer"
        />
      </Form.Item>
      <Form.Item label={t('reports-console:choose.day')} validateStatus={props.dayError ? 'error' : undefined} help={props.dayError ?? undefined}>
        <DayPicker day={props.day} today={props.today} onDay={props.onDay} testId="report-day" pastOnly />
      </Form.Item>
    </Form>
  );
}

