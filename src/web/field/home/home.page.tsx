import { useQueryClient } from '@tanstack/react-query';
import { PullToRefresh } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../shared/session.ts';
import { DutyHome } from '../duty/duty-home.component.tsx';
import { useGateTools } from '../gate/gate-tools.ts';
import { mayObserve } from '../observation/observation-tools.ts';
import { useOrgUnits } from '../org/org.resource.ts';
import { UnitList } from '../org/unit-list.component.tsx';
import { QueryView } from '../shared/query-view.component.tsx';
import { ScopeCard } from './scope-card.component.tsx';
import { WorkSection } from './work-section.component.tsx';

/** Home: my work tools, who I am, where I work, my units to browse. */
export function HomePage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const units = useOrgUnits();
  const gates = useGateTools();
  if (!me.data) return null;
  // Someone who records visits or works at a gate comes here to work: their tools first, above where they work.
  const toolsFirst = hasPermission(me.data, 'screening.visit') || gates.gate || gates.patrol || mayObserve(me.data);

  return (
    <PullToRefresh onRefresh={() => qc.invalidateQueries()}>
      <header className="field-hero">
        <h1 data-testid="greeting">{t('field:home.greeting', { name: me.data.displayName })}</h1>
        <p>{t('common:appTagline')}</p>
      </header>
      <div className="field-stack">
        {/* The lead's unstaffed checkpoints, my area, my next shift and tasks: before everything else. */}
        <DutyHome />
        {toolsFirst && <WorkSection />}
        <ScopeCard me={me.data} />
        <section aria-labelledby="my-units-title">
          <h2 id="my-units-title" className="field-section-title">
            {t('field:home.myUnits')}
          </h2>
          <QueryView result={units}>
            {(list) =>
              list.length > 0 ? (
                <UnitList units={list} testId="my-units" />
              ) : (
                <p className="field-muted field-pad">{t('field:home.noUnits')}</p>
              )
            }
          </QueryView>
        </section>
        {!toolsFirst && <WorkSection />}
      </div>
    </PullToRefresh>
  );
}
