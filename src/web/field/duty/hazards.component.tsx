import { Button, Input, NoticeBar, Popup, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HazardKind } from '../../../contract/briefings.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { useMe } from '../../shared/session.ts';
import { dayTimeOf } from '../observation/observation-format.ts';
import { serverErrorsOf } from '../observation/server-errors.ts';
import { useOnline } from '../offline/connectivity.ts';
import { communitiesWith } from './duty-communities.ts';
import { useReportHazard, type Hazard } from './duty.resource.ts';

const KINDS = HazardKind.options;
type Field = 'kind' | 'place' | 'description';

/**
 * The open hazards of my communities (a flooding ditch, wind at the tents),
 * each with its latest word, and a way to report a new one from where one
 * stands. Reporting needs the network: offline the button says so rather
 * than keep a report nobody would see in time.
 */
export function Hazards({ hazards }: { hazards: readonly Hazard[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const online = useOnline();
  const [reporting, setReporting] = useState(false);
  const communities = communitiesWith(me.data, 'team.read');
  const open = hazards.filter((h) => !h.closedAt);
  return (
    <section aria-labelledby="duty-hazards-title" data-testid="duty-hazards">
      <h2 id="duty-hazards-title" className="field-section-title">
        {t('teams-field:hazards.title')}
      </h2>
      {open.length === 0 ? (
        <p className="field-muted field-pad" data-testid="duty-hazards-none">
          {t('teams-field:hazards.none')}
        </p>
      ) : (
        <ul className="duty-hazards">
          {open.map((h) => {
            const latest = h.updates.at(-1);
            return (
              <li key={h.id} className="duty-hazard" data-testid="duty-hazard" data-kind={h.kind}>
                <div className="duty-hazard-head">
                  <strong className="duty-hazard-kind">{t(`teams:hazardKinds.${h.kind}`)}</strong>
                  <span>{h.place}</span>
                </div>
                <p>{latest ? latest.note : h.description}</p>
                <p className="field-muted">
                  {latest
                    ? t('teams-field:hazards.updated', { name: latest.byName, time: dayTimeOf(latest.at) })
                    : t('teams-field:hazards.reported', { name: h.reportedByName, time: dayTimeOf(h.reportedAt) })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {communities.length > 0 && (
        <div className="field-pad duty-hazard-report">
          {!online && (
            <p className="field-error" data-testid="duty-hazard-offline">
              {t('teams-field:hazards.offline')}
            </p>
          )}
          <Button block size="large" color="danger" fill="outline" disabled={!online} onClick={() => setReporting(true)} data-testid="duty-hazard-report">
            {t('teams-field:hazards.report')}
          </Button>
        </div>
      )}
      <Popup visible={reporting} onMaskClick={() => setReporting(false)} bodyClassName="duty-sheet" destroyOnClose>
        {reporting && <HazardForm communities={communities} onClose={() => setReporting(false)} />}
      </Popup>
    </section>
  );
}

function HazardForm({ communities, onClose }: { communities: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const online = useOnline();
  const report = useReportHazard();
  const [communityId, setCommunityId] = useState(communities[0]?.id ?? '');
  const [kind, setKind] = useState<string | null>(null);
  const [place, setPlace] = useState('');
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  // The hazard's id is made once: a report sent again after a lost answer is the same report.
  const [id] = useState(() => uuidv7());

  const send = () => {
    const required = t('server:validation.required');
    const p: Partial<Record<Field, string>> = {};
    if (!kind) p.kind = required;
    if (!place.trim()) p.place = required;
    if (!description.trim()) p.description = required;
    setProblems(p);
    setGeneral(null);
    if (Object.keys(p).length > 0 || !kind) return;
    report.mutate(
      { id, communityId, kind: kind as (typeof KINDS)[number], place: place.trim(), description: description.trim() },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('teams-field:hazards.sent') });
          onClose();
        },
        onError: (e) => {
          const errors = serverErrorsOf(e, (f) => f === 'kind' || f === 'place' || f === 'description');
          setProblems(errors.fields);
          setGeneral(errors.general);
        },
      },
    );
  };

  return (
    <div className="duty-sheet-body" data-testid="duty-hazard-form">
      <h2>{t('teams-field:hazards.report')}</h2>
      {general && <NoticeBar color="error" wrap content={general} data-testid="duty-hazard-problem" />}
      {!online && <NoticeBar color="alert" wrap content={t('teams-field:hazards.offline')} />}
      {communities.length > 1 && (
        <Selector className="duty-selector" columns={2} options={communities.map((c) => ({ value: c.id, label: c.name }))} value={[communityId]} onChange={(v) => v[0] && setCommunityId(v[0])} />
      )}
      <h3 className="duty-sheet-label">{t('teams-field:hazards.kind')}</h3>
      <Selector
        className="duty-selector"
        columns={3}
        options={KINDS.map((k) => ({ value: k, label: t(`teams:hazardKinds.${k}`) }))}
        value={kind ? [kind] : []}
        onChange={(v) => setKind(v[0] ?? null)}
        data-testid="duty-hazard-kind"
      />
      {problems.kind && <p className="field-error">{problems.kind}</p>}
      <h3 className="duty-sheet-label">{t('teams-field:hazards.place')}</h3>
      <Input className="field-input" placeholder={t('teams-field:hazards.placePlaceholder')} value={place} onChange={setPlace} maxLength={100} data-testid="duty-hazard-place" />
      {problems.place && <p className="field-error">{problems.place}</p>}
      <h3 className="duty-sheet-label">{t('teams-field:hazards.description')}</h3>
      <TextArea
        className="field-input field-textarea"
        placeholder={t('teams-field:hazards.descriptionPlaceholder')}
        value={description}
        onChange={setDescription}
        maxLength={300}
        rows={3}
        autoSize={{ minRows: 3, maxRows: 6 }}
        data-testid="duty-hazard-description"
      />
      {problems.description && <p className="field-error">{problems.description}</p>}
      <Button block color="danger" size="large" disabled={!online} loading={report.isPending} onClick={send} data-testid="duty-hazard-send">
        {t('teams-field:hazards.send')}
      </Button>
      <Button block size="large" fill="none" onClick={onClose}>
        {t('common:cancel')}
      </Button>
    </div>
  );
}
