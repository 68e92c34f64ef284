import { Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiDate } from '../../../../domain/local-date.ts';
import { OriginPicker } from '../origin/origin-picker.component.tsx';
import { ShanghaiDayPicker } from '../time/shanghai-pickers.component.tsx';
import { STAY_KINDS, TRANSPORT_KINDS } from './arrival-values.ts';
import { HouseholdSelect } from './household-select.component.tsx';

/** Where from, when and how: the origin (province → city → county), the route, the day of arrival and the transport. */
export function JourneyFields() {
  const { t } = useTranslation();
  const today = shanghaiDate();
  return (
    <>
      <Space wrap size={16} align="start">
        <Form.Item name="originCode" label={t('observation-console:field.origin')} rules={[{ required: true, message: t('server:validation.origin') }]} style={{ width: 340 }}>
          <OriginPicker />
        </Form.Item>
        <Form.Item name="route" label={t('observation-console:field.route')} style={{ width: 340 }}>
          <Input maxLength={200} placeholder={t('observation-console:field.routeHint')} data-testid="arrival-route" />
        </Form.Item>
      </Space>
      <Space wrap size={16} align="start">
        <Form.Item name="arrivedOn" label={t('observation-console:field.arrivedOn')} rules={[{ required: true, message: t('common:required') }]}>
          <ShanghaiDayPicker offsets={[0, -1]} allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} data-testid="arrival-arrived-on" />
        </Form.Item>
        <Form.Item name="transportKind" label={t('observation-console:field.transportKind')} rules={[{ required: true, message: t('server:validation.transportKind') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="arrival-transport" options={TRANSPORT_KINDS.map((k) => ({ value: k, label: t(`observation:transportKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="transportRef" label={t('observation-console:field.transportRef')} style={{ width: 200 }}>
          <Input maxLength={40} placeholder={t('observation-console:field.transportRefHint')} data-testid="arrival-transport-ref" />
        </Form.Item>
      </Space>
    </>
  );
}

interface StayProps {
  communityId: string;
  /** A single person may stay with a household of the ledger; a group stays at one place. */
  households: boolean;
}

/** Where they stay (a household of the ledger, a workplace, another place), who employs them and why they came. */
export function StayFields({ communityId, households }: StayProps) {
  const { t } = useTranslation();
  const stayKind = Form.useWatch<string | undefined>('stayKind');
  return (
    <>
      <Space wrap size={16} align="start">
        <Form.Item name="stayKind" label={t('observation-console:field.stayKind')} rules={[{ required: true, message: t('server:validation.stayKind') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="arrival-stay-kind"
            options={STAY_KINDS.filter((k) => households || k !== 'household').map((k) => ({ value: k, label: t(`observation:stayKind.${k}`) }))}
          />
        </Form.Item>
        {households && stayKind === 'household' && (
          <Form.Item name="householdId" label={t('observation-console:field.household')} extra={t('observation-console:field.householdHint')} style={{ width: 340 }}>
            <HouseholdSelect communityId={communityId} />
          </Form.Item>
        )}
        <Form.Item name="stayPlace" label={t('observation-console:field.stayPlace')} style={{ width: 340 }}>
          <Input maxLength={200} placeholder={t('observation-console:field.stayPlaceHint')} data-testid="arrival-stay-place" />
        </Form.Item>
      </Space>
      <Space wrap size={16} align="start">
        <Form.Item name="employer" label={t('observation-console:field.employer')} style={{ width: 340 }}>
          <Input maxLength={100} data-testid="arrival-employer" />
        </Form.Item>
        <Form.Item name="reason" label={t('observation-console:field.reason')} style={{ width: 340 }}>
          <Input maxLength={200} placeholder={t('observation-console:field.reasonHint')} data-testid="arrival-reason" />
        </Form.Item>
      </Space>
    </>
  );
}
