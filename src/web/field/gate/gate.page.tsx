import { Button, ErrorBlock, SpinLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import type { FieldGate } from '../../../contract/gates.ts';
import { useOnline } from '../offline/connectivity.ts';
import { useChosenEntrance } from './chosen-entrance.ts';
import { EntranceList } from './entrance-list.component.tsx';
import { GateDesk } from './gate-desk.component.tsx';
import { useGateKit } from './gate-kit.resource.ts';
import './gate.css';

/**
 * The gate screen (/gate): pick one's entrance once (remembered), then the
 * desk: scan passes, register visitors, see what waits to upload, today's
 * figures and, for the lead, open fever alerts. Works from the kit on the
 * phone when there is no network.
 */
export function GatePage() {
  const { t } = useTranslation();
  const kit = useGateKit();
  const online = useOnline();
  const [chosenId, choose] = useChosenEntrance();

  if (!kit.data) {
    if (kit.isPending && (online || kit.fetchStatus === 'fetching')) {
      return (
        <div className="field-center gate-loading" aria-busy="true">
          <SpinLoading color="primary" />
        </div>
      );
    }
    return (
      <div className="field-state" data-testid="gate-no-kit">
        <ErrorBlock status="default" title={online ? t('field:state.loadFailed') : t('field:state.offlineTitle')} description={t('gate-field:kit.missing')} />
        {online && (
          <Button block color="primary" size="large" onClick={() => void kit.refetch()}>
            {t('field:state.retry')}
          </Button>
        )}
      </div>
    );
  }
  const data = kit.data;
  if (data.entrances.length === 0) {
    if (data.patrolGroups.length > 0) return <Navigate to="/patrol" replace />;
    return (
      <div className="field-state" data-testid="gate-none">
        <ErrorBlock status="empty" title={t('gate-field:entrance.noneTitle')} description={t('gate-field:entrance.none')} />
      </div>
    );
  }
  const entrance = data.entrances.find((e) => e.id === chosenId);
  if (!entrance) return <ChooseEntrance kit={data} chosenId={chosenId} onPick={choose} />;
  return <GateDesk kit={data} entrance={entrance} onPickEntrance={choose} />;
}

function ChooseEntrance({ kit, chosenId, onPick }: { kit: FieldGate; chosenId: string | null; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="gate-choose" data-testid="gate-choose">
      <header className="field-hero field-hero-compact">
        <h1>{t('gate-field:entrance.chooseTitle')}</h1>
        <p>{t('gate-field:entrance.chooseHint')}</p>
      </header>
      <EntranceList entrances={kit.entrances} chosenId={chosenId} onPick={onPick} />
    </div>
  );
}
