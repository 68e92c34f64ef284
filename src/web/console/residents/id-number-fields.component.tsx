import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isCitizenIdProblem, parseCitizenId, type CitizenIdProblem } from '../../../domain/residents/citizen-id.ts';
import { shanghaiDate as today } from '../../../domain/local-date.ts';
import { dash } from './resident-cells.component.tsx';
import { ageOn } from './resident-form.ts';

/**
 * The ID number, checked as it is typed (length, birth date, check digit),
 * and beside it the sex and birth date it carries, read-only: they are never
 * typed, so they cannot disagree with the number.
 */
export function IdNumberFields() {
  const { t } = useTranslation();
  const typed = Form.useWatch<string | undefined>('idNumber') ?? '';
  const parsed = typed ? parseCitizenId(typed, today()) : null;
  const id = parsed && !isCitizenIdProblem(parsed) ? parsed : null;
  const check = (v: string | undefined, which: (p: CitizenIdProblem) => boolean) => {
    const r = v?.trim() ? parseCitizenId(v, today()) : null;
    return r && isCitizenIdProblem(r) && which(r) ? Promise.reject(new Error(t(`server:validation.${r}`))) : Promise.resolve();
  };
  return (
    <div style={{ display: 'flex', gap: 12 }}>
      <Form.Item
        name="idNumber"
        label={t('ledger:field.idNumber')}
        style={{ flex: 1 }}
        normalize={(v: string) => v.toUpperCase()}
        validateTrigger={['onChange', 'onBlur']}
        rules={[
          { required: true, whitespace: true, message: t('common:required'), validateTrigger: 'onBlur' },
          // A short number is still being typed: said when the field is left, not at every digit.
          { validator: (_, v?: string) => check(v, (p) => p === 'idFormat'), validateTrigger: 'onBlur' },
          // A full number with a wrong date or check digit: said at once (and kept when the field is left).
          { validator: (_, v?: string) => check(v, (p) => p !== 'idFormat'), validateTrigger: ['onChange', 'onBlur'] },
        ]}
      >
        <Input maxLength={22} autoComplete="off" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="resident-id-number" />
      </Form.Item>
      <Form.Item label={t('ledger:field.sex')} style={{ width: 80 }}>
        <Input readOnly tabIndex={-1} value={id ? t(`server:sexes.${id.sex}`) : ''} variant="filled" placeholder={dash} data-testid="resident-derived-sex" />
      </Form.Item>
      <Form.Item label={t('ledger:field.birthDate')} style={{ width: 170 }}>
        <Input
          readOnly
          tabIndex={-1}
          variant="filled"
          value={id ? t('ledger:form.birthAndAge', { date: id.birthDate, age: ageOn(id.birthDate, today()) }) : ''}
          placeholder={t('ledger:form.fromIdNumber')}
          data-testid="resident-derived-birth"
        />
      </Form.Item>
    </div>
  );
}
