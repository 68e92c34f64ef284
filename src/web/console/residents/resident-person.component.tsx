import { EyeInvisibleOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '../../../contract/ledger.ts';
import { CategoryTags, dash, ElderlyTag, FreeTags, StatusTag, tabular } from './resident-cells.component.tsx';
import { useRevealResident } from './residents.resource.ts';

export interface Revealed {
  idNumber: string;
  phone: string | null;
  /** When it was revealed: said back to the user, as the audit log has it. */
  at: string;
}

interface Props {
  resident: ResidentDetail;
  revealed: Revealed | null;
  onReveal: (r: Revealed | null) => void;
}

/** The person: masked by default; a user who may reveal sees the full ID number and phone after an audited call. */
export function ResidentPersonCard({ resident: r, revealed, onReveal }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reveal = useRevealResident(r.id);

  const doReveal = () =>
    reveal.mutate(undefined, {
      onSuccess: (v) => onReveal({ ...v, at: dayjs().format('HH:mm') }),
      onError: (e) => void message.error(e.message),
    });

  return (
    <Card
      title={t('ledger:detail.person')}
      size="small"
      extra={
        r.can.reveal &&
        (revealed ? (
          <Button size="small" icon={<EyeInvisibleOutlined />} onClick={() => onReveal(null)} data-testid="resident-hide">
            {t('ledger:detail.hide')}
          </Button>
        ) : (
          <Button size="small" icon={<EyeOutlined />} loading={reveal.isPending} onClick={doReveal} data-testid="resident-reveal">
            {t('ledger:detail.reveal')}
          </Button>
        ))
      }
    >
      <Descriptions
        column={2}
        size="small"
        styles={{ label: { minWidth: 112, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'name', label: t('ledger:field.name'), children: <Typography.Text strong>{r.name}</Typography.Text> },
          { key: 'status', label: t('ledger:field.status'), children: <Space size={6}><StatusTag status={r.status} /><Typography.Text type="secondary">{t('ledger:detail.since', { date: r.statusSince })}</Typography.Text></Space> },
          { key: 'sex', label: t('ledger:field.sex'), children: t(`server:sexes.${r.sex}`) },
          {
            key: 'birth',
            label: t('ledger:field.birthDate'),
            children: (
              <span>
                {t('ledger:form.birthAndAge', { date: r.birthDate, age: r.age })}
                {r.elderly && <ElderlyTag />}
              </span>
            ),
          },
          {
            key: 'id',
            label: t('ledger:field.idNumber'),
            children: <span style={tabular} data-testid={revealed ? 'resident-id-full' : 'resident-id-masked'}>{revealed ? revealed.idNumber : r.idMasked}</span>,
          },
          {
            key: 'phone',
            label: t('ledger:field.phone'),
            children: <span style={tabular} data-testid="resident-phone-value">{(revealed ? revealed.phone : r.phoneMasked) ?? dash}</span>,
          },
          { key: 'community', label: t('ledger:field.community'), children: r.communityName },
          { key: 'group', label: t('ledger:field.group'), children: r.groupName ?? dash },
          { key: 'address', label: t('ledger:field.address'), children: r.address ?? dash },
          { key: 'relation', label: t('ledger:field.relation'), children: r.relation ? t(`server:relations.${r.relation}`) : dash },
          {
            key: 'categories',
            label: t('ledger:field.categoriesAndTags'),
            span: 2,
            children: r.categories.length || r.tags.length ? <Space size={[0, 4]} wrap><CategoryTags categories={r.categories} /><FreeTags tags={r.tags} /></Space> : dash,
          },
          { key: 'note', label: t('ledger:field.note'), span: 2, children: r.note ? <span style={{ whiteSpace: 'pre-wrap' }}>{r.note}</span> : dash },
        ]}
      />
      {revealed && (
        <Typography.Paragraph type="warning" style={{ margin: '12px 0 0', fontSize: 13 }} data-testid="resident-reveal-note">
          <SafetyCertificateOutlined /> {t('ledger:detail.revealedNote', { time: revealed.at })}
        </Typography.Paragraph>
      )}
      {!revealed && r.can.reveal && (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
          {t('ledger:detail.revealHint')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
