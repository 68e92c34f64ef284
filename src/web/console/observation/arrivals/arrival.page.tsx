import { ArrowLeftOutlined, EyeOutlined, FileProtectOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import type { Plan } from '../../../../contract/observation.ts';
import { ApiRequestError } from '../../../shared/api.ts';
import { hasPermission } from '../../../shared/session.ts';
import { ObservationFrame, useObservationLink } from '../observation-frame.component.tsx';
import { revealArrival, useArrival, type ArrivalDetail, type RevealedValues } from '../observation.resource.ts';
import { dateTimeOf, DASH, feverStyle, FEVER_RED, openPlanOf, temperatureText } from '../observation-format.ts';
import { AddPlanModal } from './add-plan-modal.component.tsx';
import { PlanChecks } from './plan-checks.component.tsx';
import { orDash, PlanCell } from './plan-cell.component.tsx';
import { ReleaseModal } from './release-modal.component.tsx';

/** One arrival: every detail, the full ID number on request (audited), the plans with their checks day by day, release and a new plan. */
export function ArrivalPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  // Loaded by its id whatever community is picked (a link from anywhere); the frame is told the record's community.
  const arrival = useArrival(id);
  const communityId = arrival.data?.id === id ? arrival.data.communityId : undefined;
  return (
    <ObservationFrame me={me} section="arrivals" record={{ communityId }}>
      <ArrivalView key={id} me={me} arrivalId={id} />
    </ObservationFrame>
  );
}

function ArrivalView({ me, arrivalId }: { me: Me; arrivalId: string }) {
  const { t } = useTranslation();
  const link = useObservationLink();
  const arrival = useArrival(arrivalId);
  const [adding, setAdding] = useState(false);
  const back = (
    <Link to={link('/observation/arrivals')}>
      <Button icon={<ArrowLeftOutlined />}>{t('observation-console:arrival.back')}</Button>
    </Link>
  );
  // While another record's answer is kept on screen (a new day's query loading), only this record's will do.
  if (arrival.isPending || (arrival.data && arrival.data.id !== arrivalId)) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (arrival.error) {
    const missing = arrival.error instanceof ApiRequestError && arrival.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? t('observation-console:arrival.notFound') : arrival.error.message} extra={back} />;
  }
  const a = arrival.data!;
  const canWrite = hasPermission(me, 'observation.write');
  const open = openPlanOf(a.plans);
  const plans = [...a.plans].sort((x, y) => y.startAt.localeCompare(x.startAt));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="arrival" data-id={a.id} data-name={a.name}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="arrival-name">
          {a.name}
        </Typography.Title>
        <Tag color={a.category === 'returnee' ? 'purple' : 'cyan'}>{t(`observation:category.${a.category}`)}</Tag>
        {open ? <Tag color="blue">{t('observation:listStatus.observing')}</Tag> : a.plans.length ? <Tag color="green">{t('observation:listStatus.released')}</Tag> : <Tag>{t('observation:listStatus.none')}</Tag>}
        <div style={{ flex: 1 }} />
        {a.letterId ? (
          <Link to={link(`/observation/letters/${a.letterId}/print`)} data-testid="arrival-letter">
            <Button icon={<FileProtectOutlined />}>{t('observation-console:arrival.letter')}</Button>
          </Link>
        ) : (
          <Typography.Text type="secondary" data-testid="arrival-no-letter">
            {t('observation-console:arrival.noLetter')}
          </Typography.Text>
        )}
        {canWrite && !open && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="arrival-add-plan">
            {t('observation-console:plan.add')}
          </Button>
        )}
      </div>
      <ArrivalDetails me={me} arrival={a} />
      {plans.map((p) => (
        <PlanCard key={p.id} plan={p} arrival={a} canWrite={canWrite} />
      ))}
      {adding && <AddPlanModal arrivalId={a.id} communityId={a.communityId} name={a.name} onClose={() => setAdding(false)} />}
    </Space>
  );
}

/** Every field of the registration; the ID number and phone masked until revealed by someone allowed to. */
function ArrivalDetails({ me, arrival: a }: { me: Me; arrival: ArrivalDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const link = useObservationLink();
  const [revealed, setRevealed] = useState<RevealedValues | null>(null);
  const [revealing, setRevealing] = useState(false);
  const reveal = async () => {
    setRevealing(true);
    try {
      setRevealed(await revealArrival(a.id));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setRevealing(false);
    }
  };
  const revealButton = hasPermission(me, 'ledger.reveal') && !revealed && (
    <Button size="small" type="link" icon={<EyeOutlined />} loading={revealing} onClick={() => void reveal()} data-testid="arrival-reveal">
      {t('observation-console:arrival.reveal')}
    </Button>
  );
  const items = [
    {
      key: 'idNumber',
      label: t('observation-console:field.idNumber'),
      children: (
        <span>
          <span data-testid="arrival-id-value" style={{ fontVariantNumeric: 'tabular-nums' }}>{revealed?.idNumber ?? a.idMasked}</span> {revealButton}
        </span>
      ),
    },
    { key: 'phone', label: t('observation-console:field.phone'), children: <span data-testid="arrival-phone-value">{revealed?.phone ?? a.phoneMasked}</span> },
    { key: 'origin', label: t('observation-console:field.origin'), children: a.origin },
    { key: 'route', label: t('observation-console:field.route'), children: orDash(a.route) },
    { key: 'arrivedOn', label: t('observation-console:field.arrivedOn'), children: a.arrivedOn },
    { key: 'transport', label: t('observation-console:field.transport'), children: [t(`observation:transportKind.${a.transportKind}`), a.transportRef].filter(Boolean).join(' ') },
    { key: 'stayKind', label: t('observation-console:field.stayKind'), children: t(`observation:stayKind.${a.stayKind}`) },
    { key: 'household', label: t('observation-console:field.household'), children: orDash(a.householdAddress) },
    { key: 'stayPlace', label: t('observation-console:field.stayPlace'), children: orDash(a.stayPlace) },
    { key: 'employer', label: t('observation-console:field.employer'), children: orDash(a.employer) },
    { key: 'reason', label: t('observation-console:field.reason'), children: orDash(a.reason) },
    { key: 'group', label: t('observation-console:field.group'), children: a.groupId ? <Link to={link(`/observation/groups/${a.groupId}`)}>{a.groupName}</Link> : DASH },
    { key: 'symptoms', label: t('observation-console:field.symptoms'), children: a.symptoms ? <span style={{ color: FEVER_RED }}>{a.symptoms}</span> : t('observation-console:field.noSymptoms') },
    {
      key: 'temperature',
      label: t('observation-console:field.temperature'),
      children: a.temperature === null ? DASH : <span style={feverStyle(a.temperature)}>{temperatureText(t, a.temperature)}</span>,
    },
    { key: 'lastTestOn', label: t('observation-console:field.lastTestOn'), children: orDash(a.lastTestOn) },
    { key: 'source', label: t('observation-console:field.source'), children: t(`observation-console:source.${a.source}`) },
    { key: 'registered', label: t('observation-console:field.registered'), children: [dateTimeOf(a.registeredAt), a.registeredByName].filter(Boolean).join(' · ') },
  ];
  return (
    <Card size="small" title={t('observation-console:arrival.details')}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} data-testid="arrival-details" />
    </Card>
  );
}

/** A plan: what, where, who, how far along; its checks day by day; release while it is open. */
function PlanCard({ plan, arrival, canWrite }: { plan: Plan; arrival: ArrivalDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [releasing, setReleasing] = useState(false);
  const checks = arrival.checks.filter((c) => c.planId === plan.id);
  const open = plan.releasedAt === null;
  return (
    <Card
      size="small"
      data-testid="plan-card"
      data-open={String(open)}
      title={
        <Space wrap>
          {t('observation-console:plan.title')}
          <PlanCell plan={plan} />
        </Space>
      }
      extra={
        open &&
        canWrite && (
          <Button onClick={() => setReleasing(true)} data-testid="plan-release">
            {t('observation-console:release.open')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'place', label: t('observation-console:plan.place'), children: orDash(plan.place) },
          { key: 'start', label: t('observation-console:plan.startAt'), children: dateTimeOf(plan.startAt) },
          { key: 'length', label: t('observation-console:plan.length'), children: t('observation-console:plan.daysCount', { count: plan.days }) },
          { key: 'release', label: t('observation-console:plan.releaseDay'), children: plan.releaseDay },
          { key: 'times', label: t('observation-console:plan.temperatureTimes'), children: plan.temperatureTimes.join(', ') || DASH },
          {
            key: 'tests',
            label: t('observation-console:plan.testDays'),
            children: plan.testDays.length ? `${plan.testDays.map((n) => t('observation:dayN', { n })).join(', ')} · ${plan.testTime}` : DASH,
          },
          { key: 'worker', label: t('observation-console:plan.worker'), children: plan.workerName },
          ...(plan.releasedAt
            ? [
                {
                  key: 'released',
                  label: t('observation-console:release.record'),
                  children: (
                    <span data-testid="plan-released">
                      {[plan.releaseOutcome && t(`observation:releaseOutcome.${plan.releaseOutcome}`), dateTimeOf(plan.releasedAt), plan.releasedByName, plan.releaseNote]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PlanChecks checks={checks} />
      {releasing && <ReleaseModal plan={plan} name={arrival.name} onClose={() => setReleasing(false)} />}
    </Card>
  );
}
