import { Input, List } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchLedger } from '../ledger/ledger-search.ts';
import { headOf, useFieldLedger } from '../ledger/ledger.resource.ts';

/**
 * The household a returnee stays with, found in the ledger kept on the phone
 * (by the name of someone living there, its pinyin initials or the address),
 * for staff whose phone carries the ledger. Without it, the address is typed.
 */
export function HouseholdPicker({ householdId, onPick }: { householdId: string | null; onPick: (household: { id: string; address: string } | null) => void }) {
  const { t } = useTranslation();
  const ledger = useFieldLedger();
  const [text, setText] = useState('');
  const hits = useMemo(() => {
    if (!ledger.data || !text.trim()) return [];
    const seen = new Set<string>();
    return searchLedger(ledger.data, text, 30)
      .hits.map((h) => h.household)
      .filter((h) => !seen.has(h.id) && seen.add(h.id))
      .slice(0, 6);
  }, [ledger.data, text]);
  if (!ledger.data) return null;
  const chosen = householdId ? ledger.data.households.find((h) => h.id === householdId) : undefined;
  if (householdId) {
    return (
      <div className="obs-household-chosen" data-testid="household-chosen">
        <span>
          <strong>{chosen?.address ?? t('observation-field:form.householdChosen')}</strong>
          {chosen && <span className="field-muted"> · {chosen.groupName}</span>}
        </span>
        <button type="button" className="obs-link-button" onClick={() => onPick(null)}>
          {t('observation-field:form.householdChange')}
        </button>
      </div>
    );
  }
  return (
    <div className="obs-household-picker">
      <label className="field-label" htmlFor="household-search">
        {t('observation-field:form.household')}
        <span className="obs-optional">{t('observation-field:form.optional')}</span>
      </label>
      <Input
        id="household-search"
        className="field-input"
        placeholder={t('observation-field:form.householdPlaceholder')}
        value={text}
        onChange={setText}
        clearable
        data-testid="household-search"
      />
      {hits.length > 0 && (
        <List className="field-list obs-household-hits">
          {hits.map((h) => (
            <List.Item key={h.id} onClick={() => onPick({ id: h.id, address: h.address })} description={h.groupName} data-testid="household-hit">
              {h.address}
              {headOf(h) && <span className="field-muted"> · {headOf(h)!.name}</span>}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
