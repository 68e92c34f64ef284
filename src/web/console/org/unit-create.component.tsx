import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitDetail } from '../../../contract/org.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import type { OrgKind } from '../../../domain/org/org-kinds.ts';
import { applyServerErrors } from '../shared/form-errors.ts';
import { allowedChildKinds, codeExample, useCreateUnit } from './org.resource.ts';

interface Values {
  kind: OrgKind;
  code: string;
  name: string;
  validFrom?: Dayjs;
}

interface Props {
  /** Null: a unit at the top (system administrator). */
  parent: OrgUnitDetail | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** Adds a unit under `parent`; the kinds offered are those allowed at that level. */
export function UnitCreateModal({ parent, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const kinds = allowedChildKinds(parent?.kind ?? null);
  const [kind, setKind] = useState<OrgKind | undefined>(kinds[0]);
  const [formError, setFormError] = useState<string | null>(null);
  // One id per dialog: a retried submit after a lost answer does not create the unit twice.
  const [id] = useState(uuidv7);

  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    create.mutate(
      {
        id,
        parentId: parent?.id ?? null,
        kind: v.kind,
        code: v.code.trim(),
        name: v.name.trim(),
        ...(v.validFrom ? { validFrom: v.validFrom.format('YYYY-MM-DD') } : {}),
      },
      {
        onSuccess: (unit) => {
          void message.success(t('console:org.created', { name: unit.name }));
          onClose();
          onCreated(unit.id);
        },
        onError: (e) => setFormError(applyServerErrors(form, e)),
      },
    );
  };

  return (
    <Modal
      open
      title={parent ? t('console:org.addChildTo', { name: parent.name }) : t('console:org.addTopUnit')}
      okText={t('common:create')}
      cancelText={t('common:cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: kinds[0], validFrom: dayjs(shanghaiDate()) }}
        onValuesChange={(changed: Partial<Values>) => changed.kind && setKind(changed.kind)}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="kind" label={t('console:org.field.kind')} rules={[{ required: true, message: t('common:required') }]}>
          <Select options={kinds.map((k) => ({ value: k, label: t(`server:orgKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('console:org.field.code')}
          rules={[{ required: true, whitespace: true, message: t('common:required') }]}
          extra={kind ? t(`console:org.codeHint.${kind}`, { example: codeExample(kind, parent) }) : undefined}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('console:org.field.name')} rules={[{ required: true, whitespace: true, message: t('common:required') }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="validFrom" label={t('console:org.field.validFrom')}>
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
      </Form>
      {formError && <Typography.Text type="danger">{formError}</Typography.Text>}
    </Modal>
  );
}
