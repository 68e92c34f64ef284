import { Alert, Button, Checkbox, DatePicker, Form, Modal, Radio, Result, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassSummary } from '../../../../contract/gates.ts';
import { shanghaiDate } from '../../../../domain/local-date.ts';
import { applyServerErrors } from '../../shared/form-errors.ts';
import { addDays } from '../gate-format.ts';
import { useCommunityGroups, useIssuePasses, type IssueResult } from '../gates.resource.ts';

interface Values {
  holderKind: 'household' | 'resident';
  scope: 'groups' | 'selected';
  groupIds?: string[];
  validity: [Dayjs, Dayjs];
}

interface Props {
  communityId: string;
  /** Passes chosen in the list: their holders may be given new passes (a new period, a replaced card). */
  selected: readonly PassSummary[];
  onClose: () => void;
}

/** The usual period: from today for a month. */
const DEFAULT_DAYS = 30;

/**
 * Issues passes per household or per person, to whole groups or to the
 * holders chosen in the list. Holders who already hold a pass valid then are
 * skipped; the answer says how many were issued and how many already held one.
 */
export function PassIssueModal({ communityId, selected, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const issue = useIssuePasses();
  const groups = useCommunityGroups(communityId);
  const [result, setResult] = useState<IssueResult | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const today = shanghaiDate();
  // The selection can be re-issued only as what it is: households' passes per household.
  const selectedKinds = [...new Set(selected.map((p) => p.holderKind))];
  const selectedKind = selectedKinds.length === 1 ? selectedKinds[0] : undefined;
  const scope = Form.useWatch('scope', form) ?? (selected.length ? 'selected' : 'groups');

  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    const holderKind = v.scope === 'selected' && selectedKind ? selectedKind : v.holderKind;
    issue.mutate(
      {
        communityId,
        holderKind,
        ...(v.scope === 'groups' ? { groupIds: v.groupIds ?? [] } : { holderIds: [...new Set(selected.map((p) => p.holderId))] }),
        validFrom: v.validity[0].format('YYYY-MM-DD'),
        validTo: v.validity[1].format('YYYY-MM-DD'),
      },
      { onSuccess: setResult, onError: (e) => setFormError(applyServerErrors(form, e, { validFrom: 'validity', validTo: 'validity' })) },
    );
  };

  if (result) {
    return (
      <Modal open title={t('gate-console:passes.issue.title')} onCancel={onClose} footer={<Button type="primary" onClick={onClose} data-testid="issue-close">{t('gate-console:passes.issue.close')}</Button>}>
        <Result
          status="success"
          data-testid="issue-result"
          title={t('gate-console:passes.issue.issued', { count: result.issued })}
          subTitle={t('gate-console:passes.issue.alreadyHeld', { count: result.alreadyHeld })}
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      width={620}
      title={t('gate-console:passes.issue.title')}
      okText={t('gate-console:passes.issue.submit')}
      cancelText={t('common:cancel')}
      confirmLoading={issue.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'issue-submit' }}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        style={{ marginTop: 12 }}
        data-testid="issue-form"
        initialValues={{
          holderKind: 'household',
          scope: selected.length && selectedKind ? 'selected' : 'groups',
          validity: [dayjs(today), dayjs(addDays(today, DEFAULT_DAYS))],
        }}
      >
        <Form.Item name="scope" label={t('gate-console:passes.issue.to')}>
          <Radio.Group
            data-testid="issue-scope"
            options={[
              { value: 'groups', label: t('gate-console:passes.issue.groups') },
              { value: 'selected', label: t('gate-console:passes.issue.selected', { count: selected.length }), disabled: !selectedKind },
            ]}
          />
        </Form.Item>
        {scope === 'groups' && (
          <>
            <Form.Item name="holderKind" label={t('gate-console:passes.issue.kind')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                data-testid="issue-kind"
                options={(['household', 'resident'] as const).map((k) => ({ value: k, label: t(`gates:holderKinds.${k}`) }))}
              />
            </Form.Item>
            {groups.isPending ? (
              <Spin size="small" />
            ) : (
              <Form.Item name="groupIds" label={t('gate-console:passes.issue.whichGroups')} rules={[{ required: true, type: 'array', min: 1, message: t('gate-console:passes.issue.pickGroups') }]}>
                <Checkbox.Group
                  data-testid="issue-groups"
                  style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 8 }}
                  options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
                />
              </Form.Item>
            )}
          </>
        )}
        {scope === 'selected' && selectedKind && (
          <Typography.Paragraph type="secondary">
            {t('gate-console:passes.issue.selectedHint', { count: selected.length, kind: t(`gates:holderKinds.${selectedKind}`) })}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="validity"
          label={t('gate-console:passes.issue.validity')}
          rules={[{ required: true, message: t('common:required') }]}
        >
          <DatePicker.RangePicker format="YYYY-MM-DD" allowClear={false} data-testid="issue-validity" />
        </Form.Item>
        <Typography.Text type="secondary">{t('gate-console:passes.issue.skipHint')}</Typography.Text>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
