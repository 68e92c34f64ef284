import { useQuery } from '@tanstack/react-query';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Radio, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../contract/auth.ts';
import type { OrgUnit } from '../../../contract/org.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { childrenQuery } from '../org/org.resource.ts';
import { applyServerErrors } from '../shared/form-errors.ts';
import { UnitTreeSelect } from '../shared/unit-tree-select.component.tsx';
import { useCreateRound } from './screening.resource.ts';

interface Values {
  communityId: string;
  name: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  scope: 'all' | 'some';
  groupIds?: string[];
}

interface Props {
  me: Me;
  onClose: () => void;
  onCreated: (roundId: string) => void;
}

/** The community the user manages, to start the form with (a secretary has one). */
function ownCommunity(me: Me): { id: string; kind: string } | undefined {
  const grant = me.roles.find((r) => r.role === 'community_admin' && r.unit?.kind === 'community');
  return grant?.unit ? { id: grant.unit.id, kind: grant.unit.kind } : undefined;
}

/** Opens a round over all of a community's groups, or some of them. */
export function RoundCreateModal({ me, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateRound();
  // Made once: a create sent twice (a double click, a retry) is stored once.
  const [id] = useState(uuidv7);
  const [formError, setFormError] = useState<string | null>(null);
  const own = ownCommunity(me);
  const picked = useRef<{ kind: string } | undefined>(own);
  const communityId = Form.useWatch('communityId', form) ?? own?.id;
  const scope = Form.useWatch('scope', form) ?? 'all';
  const startsOn = Form.useWatch('startsOn', form);
  const children = useQuery({ ...childrenQuery(communityId ?? '', false), enabled: Boolean(communityId) && picked.current?.kind === 'community' });
  const groups = (children.data ?? []).filter((u: OrgUnit) => u.current && (u.kind === 'group' || u.kind === 'grid'));

  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    const groupIds = v.scope === 'some' ? (v.groupIds ?? []) : [];
    create.mutate(
      {
        id,
        communityId: v.communityId,
        name: v.name.trim(),
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
        ...(groupIds.length ? { groupIds } : {}),
      },
      {
        onSuccess: (round) => {
          void message.success(t('screening:create.created', { name: round.name }));
          onCreated(round.id);
        },
        // `groupIds.3` names one group of the list: show it on the list.
        onError: (e) => setFormError(applyServerErrors(form, e, Object.fromEntries(groupIds.map((_, i) => [`groupIds.${i}`, 'groupIds'])))),
      },
    );
  };

  return (
    <Modal
      open
      width={620}
      title={t('screening:create.title')}
      okText={t('screening:create.submit')}
      cancelText={t('common:cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ communityId: own?.id, startsOn: dayjs(shanghaiDate()), scope: 'all' }}
        style={{ marginTop: 16 }}
        data-testid="round-form"
        onValuesChange={(changed: Partial<Values>) => {
          if ('communityId' in changed) form.setFieldValue('groupIds', []);
        }}
      >
        <Form.Item
          name="communityId"
          label={t('screening:create.community')}
          rules={[
            { required: true, message: t('common:required') },
            { validator: async () => { if (picked.current && picked.current.kind !== 'community') throw new Error(t('screening:create.communityOnly')); } },
          ]}
        >
          <UnitTreeSelect allowClear={false} onUnit={(u) => (picked.current = u)} placeholder={t('screening:create.communityPlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="name" label={t('screening:create.name')} rules={[{ required: true, whitespace: true, message: t('common:required') }]}>
          <Input maxLength={40} autoComplete="off" placeholder={t('screening:create.namePlaceholder', { month: dayjs(shanghaiDate()).format('M'), monthName: dayjs(shanghaiDate()).format('MMMM') })} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="startsOn" label={t('screening:create.startsOn')} style={{ flex: 1 }} rules={[{ required: true, message: t('common:required') }]}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" allowClear={false} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('screening:create.endsOn')}
            style={{ flex: 1 }}
            dependencies={['startsOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: Dayjs | null | undefined) => {
                  const start = getFieldValue('startsOn') as Dayjs | undefined;
                  if (value && start && value.isBefore(start, 'day')) throw new Error(t('screening:create.endBeforeStart'));
                },
              }),
            ]}
          >
            <DatePicker
              style={{ width: '100%' }}
              format="YYYY-MM-DD"
              placeholder={t('screening:create.endsOnPlaceholder')}
              disabledDate={(d) => Boolean(startsOn && d.isBefore(startsOn, 'day'))}
            />
          </Form.Item>
        </div>
        <Form.Item name="scope" label={t('screening:create.groups')}>
          <Radio.Group
            options={[
              { value: 'all', label: t('screening:create.allGroups', { count: groups.length }) },
              { value: 'some', label: t('screening:create.someGroups') },
            ]}
          />
        </Form.Item>
        {scope === 'some' &&
          (children.isPending && communityId ? (
            <Spin size="small" />
          ) : groups.length === 0 ? (
            <Typography.Text type="secondary">{t('screening:create.noGroups')}</Typography.Text>
          ) : (
            <Form.Item name="groupIds" rules={[{ required: true, type: 'array', min: 1, message: t('screening:create.pickGroups') }]}>
              <Checkbox.Group
                data-testid="round-groups"
                style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 8 }}
                options={groups.map((g) => ({ value: g.id, label: g.name }))}
              />
            </Form.Item>
          ))}
      </Form>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 8 }} />}
    </Modal>
  );
}
