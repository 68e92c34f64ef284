import { ErrorBlock, NavBar, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Entrance } from '../../../contract/gates.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { useMe } from '../../shared/session.ts';
import { useChosenEntrance } from './chosen-entrance.ts';
import { useGateDirection } from './gate-direction.ts';
import { useGateKit } from './gate-kit.resource.ts';
import { keepPassage, PASSAGE_CHANNEL, useGateOutbox, type PassageItem } from './gate-outbox.ts';
import { showResult } from './last-result.ts';
import { checkReading } from './reading.ts';
import { rememberVisitor } from './recent-visitors.ts';
import { fromVisitorPassage, newVisitorDraft, toVisitorPassage, type VisitorDraft } from './visitor-draft.ts';
import { VisitorForm } from './visitor-form.component.tsx';
import './gate.css';

/** Keeps a visitor's registration (outbox first, then the phone's own list of recent visitors) and shows the result on the desk. */
function useKeepVisitor() {
  const { t } = useTranslation();
  const me = useMe();
  return async (entrance: Entrance, id: string, at: string, draft: VisitorDraft): Promise<boolean> => {
    const userId = me.data?.id;
    if (!userId) return false;
    const passage = toVisitorPassage(draft, { id, entranceId: entrance.id, at });
    try {
      await keepPassage({ id, userId, passage, label: { entranceName: entrance.name, name: passage.visitor!.name, detail: passage.visitor!.fromPlace } });
    } catch {
      Toast.show({ icon: 'fail', content: t('field:outbox.storageFailed') });
      return false;
    }
    const v = passage.visitor!;
    rememberVisitor(userId, {
      communityId: entrance.communityId, name: v.name, idNumber: v.idNumber ?? null, phone: v.phone ?? null, fromPlace: v.fromPlace, purpose: v.purpose,
      visiting: v.visiting ?? null, at,
    });
    const reading = checkReading(draft.temperature);
    showResult({
      kind: 'visitor', id, at: new Date().toISOString(), direction: draft.direction, name: v.name,
      temperature: reading.kind === 'ok' ? reading.value : null, fever: reading.kind === 'ok' && reading.fever,
    });
    return true;
  };
}

/** A new visitor at the chosen entrance: /gate/visitor */
export function NewVisitorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const kit = useGateKit();
  const [chosenId] = useChosenEntrance();
  const [direction, setDirection] = useGateDirection();
  const keep = useKeepVisitor();
  const [saving, setSaving] = useState(false);
  // Made once, when the form opens: the id the server will know the registration by.
  const [id] = useState(() => uuidv7());
  const [initial] = useState(() => newVisitorDraft(direction));
  const entrance = kit.data?.entrances.find((e) => e.id === chosenId);
  const back = () => (location.key === 'default' ? navigate('/gate', { replace: true }) : navigate(-1));
  if (kit.data && !entrance) return <Navigate to="/gate" replace />;

  const save = async (draft: VisitorDraft) => {
    if (!entrance) return;
    setSaving(true);
    const kept = await keep(entrance, id, new Date().toISOString(), draft);
    setSaving(false);
    if (!kept) return;
    setDirection(draft.direction);
    void back();
  };
  return (
    <div className="field-page field-form-page">
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('gate-field:visitor.title')}
      </NavBar>
      {entrance && (
        <>
          <header className="field-visit-head">
            <h1 data-testid="visitor-entrance">{entrance.name}</h1>
            <p className="field-muted">{entrance.communityName}</p>
          </header>
          <VisitorForm communityId={entrance.communityId} initial={initial} saving={saving} onSave={(d) => void save(d)} />
        </>
      )}
    </div>
  );
}

/** A refused registration, corrected and kept again with the same id: /gate/outbox/:id */
export function FixVisitorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const kit = useGateKit();
  const { loaded, items } = useGateOutbox();
  const item = items.find((i): i is PassageItem => i.id === id && i.channel === PASSAGE_CHANNEL && i.passage.kind === 'visitor');
  const entrance = kit.data?.entrances.find((e) => e.id === item?.passage.entranceId);
  const back = () => navigate('/gate/outbox', { replace: true });
  return (
    <div className="field-page field-form-page">
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('gate-field:visitor.fixTitle')}
      </NavBar>
      {item && entrance ? (
        <FixVisitor item={item} entrance={entrance} onDone={() => void back()} />
      ) : (
        loaded && (
          <div className="field-state">
            <ErrorBlock status="empty" title={t('gate-field:outbox.goneTitle')} description={t('gate-field:outbox.gone')} />
          </div>
        )
      )}
    </div>
  );
}

function FixVisitor({ item, entrance, onDone }: { item: PassageItem; entrance: Entrance; onDone: () => void }) {
  const keep = useKeepVisitor();
  const [saving, setSaving] = useState(false);
  const [initial] = useState(() => fromVisitorPassage(item.passage));
  const save = async (draft: VisitorDraft) => {
    setSaving(true);
    const kept = await keep(entrance, item.id, item.passage.at, draft);
    setSaving(false);
    if (kept) onDone();
  };
  return (
    <>
      <header className="field-visit-head">
        <h1>{entrance.name}</h1>
        <p className="field-muted">{entrance.communityName}</p>
      </header>
      <VisitorForm communityId={entrance.communityId} initial={initial} refusal={item.refusal} saving={saving} onSave={(d) => void save(d)} />
    </>
  );
}
