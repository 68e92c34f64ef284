import { Button, Input, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { RELATIONS, type Relation } from '../../../domain/residents/resident-sheet.ts';
import { isCitizenIdProblem, normaliseCitizenId, parseCitizenId } from '../../../domain/residents/citizen-id.ts';
import { ARRIVAL_CATEGORIES, arrivalAge, type ArrivalCategory, type ArrivalDraft } from './visit-draft.ts';

interface Props {
  index: number;
  arrival: ArrivalDraft;
  onChange: (next: ArrivalDraft) => void;
  onRemove: () => void;
  /** Messages per field of this arrival (name, idNumber…), already translated. */
  errors: Partial<Record<keyof ArrivalDraft, string>>;
  /** The household has a head already: a newcomer cannot be one. */
  hasHead: boolean;
  today: string;
}

/**
 * A person found at the door (returnee, outside worker, floating): added to
 * the ledger in this household when the visit is stored. The ID number's
 * check digit is verified as it is typed, and its birth date and sex shown,
 * so a misread card is caught at the door and not at the office.
 */
export function ArrivalEditor({ index, arrival, onChange, onRemove, errors, hasHead, today }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof ArrivalDraft>(key: K, value: ArrivalDraft[K]) => onChange({ ...arrival, [key]: value });
  const parsed = parseCitizenId(arrival.idNumber, today);
  const id = isCitizenIdProblem(parsed) ? null : parsed;
  // Checked as soon as all 18 characters are in, not only on save: the card is still in the user's hand.
  const idError = errors.idNumber ?? (isCitizenIdProblem(parsed) && normaliseCitizenId(arrival.idNumber).length >= 18 ? t(`server:validation.${parsed}`) : undefined);
  const prefix = `arrival-${index}`;
  const relations = RELATIONS.filter((r) => !(hasHead && r === 'head'));

  return (
    <section className="field-arrival" role="group" aria-labelledby={`${prefix}-title`} data-testid="arrival">
      <header className="field-arrival-title">
        <span id={`${prefix}-title`}>{t('field:screening.arrivalN', { n: index + 1 })}</span>
        <Button size="small" fill="none" color="danger" onClick={onRemove} data-testid="arrival-remove">
          {t('field:screening.removeArrival')}
        </Button>
      </header>

      <label className="field-label" htmlFor={`${prefix}-name`}>
        {t('field:screening.arrivalName')}
      </label>
      <Input id={`${prefix}-name`} className="field-input" value={arrival.name} onChange={(v) => set('name', v)} maxLength={30} data-testid="arrival-name" />
      {errors.name && <div className="field-error">{errors.name}</div>}

      <label className="field-label" htmlFor={`${prefix}-id`}>
        {t('field:screening.arrivalIdNumber')}
      </label>
      <Input
        id={`${prefix}-id`}
        className="field-input field-mono"
        value={arrival.idNumber}
        onChange={(v) => set('idNumber', v.toUpperCase())}
        maxLength={22}
        autoComplete="off"
        autoCapitalize="characters"
        data-testid="arrival-id"
      />
      {idError ? (
        <div className="field-error" data-testid="arrival-id-error">
          {idError}
        </div>
      ) : (
        id && (
          <div className="field-hint" data-testid="arrival-id-ok">
            {t('field:screening.idReads', { sex: t(`server:sexes.${id.sex}`), birthDate: id.birthDate, age: arrivalAge(id, today) })}
          </div>
        )
      )}

      <label className="field-label" htmlFor={`${prefix}-phone`}>
        {t('field:screening.arrivalPhone')}
      </label>
      <Input id={`${prefix}-phone`} className="field-input" type="tel" inputMode="tel" value={arrival.phone} onChange={(v) => set('phone', v)} maxLength={20} data-testid="arrival-phone" />
      {errors.phone && <div className="field-error">{errors.phone}</div>}

      <div className="field-label">{t('field:screening.arrivalCategory')}</div>
      <Selector<ArrivalCategory>
        className="field-selector"
        columns={3}
        options={ARRIVAL_CATEGORIES.map((c) => ({ value: c, label: t(`server:categories.${c}`) }))}
        value={arrival.category ? [arrival.category] : []}
        onChange={(v) => set('category', v[0] ?? null)}
        data-testid="arrival-category"
      />
      {errors.category && <div className="field-error">{errors.category}</div>}

      <div className="field-label">{t('field:screening.arrivalRelation')}</div>
      <Selector<Relation>
        className="field-selector"
        columns={3}
        options={relations.map((r) => ({ value: r, label: t(`server:relations.${r}`) }))}
        value={arrival.relation ? [arrival.relation] : []}
        onChange={(v) => set('relation', v[0] ?? null)}
        data-testid="arrival-relation"
      />
      {errors.relation && <div className="field-error">{errors.relation}</div>}
    </section>
  );
}
