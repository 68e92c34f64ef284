import { List, SearchBar } from 'antd-mobile';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { FieldLedger } from '../../../contract/ledger.ts';
import { LedgerFreshness } from './ledger-freshness.component.tsx';
import { searchLedger } from './ledger-search.ts';
import { LedgerView } from './ledger-view.component.tsx';
import { HouseholdRow, MemberRow } from './member-row.component.tsx';
import './ledger.css';

/**
 * Find a resident with one thumb, with or without network: results while
 * typing, from the ledger kept on the phone. The text stays in the address
 * (?q=), so "back" from a household returns to the same results.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const onChange = (value: string) => setParams(value ? { q: value } : {}, { replace: true });

  return (
    <div className="field-page field-search-page">
      <div className="field-search-head">
        <SearchBar
          className="field-search-bar"
          placeholder={t('field:ledger.searchPlaceholder')}
          value={text}
          onChange={onChange}
          onClear={() => onChange('')}
          data-testid="ledger-search"
        />
      </div>
      <LedgerView>{(ledger) => <Results ledger={ledger} text={text} />}</LedgerView>
    </div>
  );
}

function Results({ ledger, text }: { ledger: FieldLedger; text: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Typing stays fluid on a slow phone with a community's whole ledger: the list follows a beat behind.
  const deferred = useDeferredValue(text);
  const { hits, total } = useMemo(() => searchLedger(ledger, deferred), [ledger, deferred]);
  const people = ledger.households.reduce((n, h) => n + h.members.length, 0);
  const open = (householdId: string) => navigate(`/households/${householdId}`);

  if (!deferred.trim()) {
    return (
      <div className="field-search-hint" data-testid="search-hint">
        <p>{t('field:ledger.searchHint')}</p>
        <p className="field-muted">{t('field:ledger.inLedger', { households: ledger.households.length, people })}</p>
        <LedgerFreshness ledger={ledger} />
      </div>
    );
  }
  if (hits.length === 0) {
    return (
      <p className="field-muted field-pad field-search-none" data-testid="search-none">
        {t('field:ledger.noMatch', { text: deferred.trim() })}
      </p>
    );
  }
  return (
    <>
      <List className="field-list field-search-results" data-testid="search-results">
        {hits.map((hit) =>
          hit.kind === 'member' ? (
            <MemberRow key={hit.member.id} member={hit.member} household={hit.household} onClick={() => open(hit.household.id)} />
          ) : (
            <HouseholdRow key={hit.household.id} household={hit.household} onClick={() => open(hit.household.id)} />
          ),
        )}
      </List>
      {total > hits.length && <p className="field-muted field-pad field-search-more">{t('field:ledger.moreHits', { shown: hits.length, total })}</p>}
    </>
  );
}
