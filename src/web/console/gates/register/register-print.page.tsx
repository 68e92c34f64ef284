import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import type { Entrance, PassageRow } from '../../../../contract/gates.ts';
import { shanghaiDate } from '../../../../domain/local-date.ts';
import { query } from '../../../shared/api.ts';
import { useGateCommunity } from '../gate-community.ts';
import { clockOf, temperatureOf } from '../gate-format.ts';
import { useEntrances, useRegister } from '../gates.resource.ts';
import { PrintFrame } from '../print-frame.component.tsx';

/**
 * The day's register on paper, one checkpoint after another, each starting a
 * new sheet with the same title and columns as the exported workbook.
 */
export function RegisterPrintPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { communityId = '' } = useGateCommunity(me);
  const day = params.get('day') ?? shanghaiDate();
  const entranceId = params.get('entranceId') ?? undefined;
  const register = useRegister({ communityId, entranceId, day });
  const entrances = useEntrances(communityId);
  const rows = register.data ?? [];
  const community = entrances.data?.[0]?.communityName ?? '';
  // As in the workbook: the checkpoint asked for, or every checkpoint and every entrance with registrations that day.
  const shown = (entrances.data ?? []).filter((e) => (entranceId ? e.id === entranceId : e.state === 'checkpoint' || rows.some((r) => r.entranceId === e.id)));

  return (
    <PrintFrame
      back={`/gates/register${query({ communityId: params.get('communityId'), entranceId, day: day === shanghaiDate() ? undefined : day })}`}
      title={t('gate-console:print.registerTitle', { community, day })}
      summary={register.data ? t('gate-console:print.registerSummary', { entrances: shown.length, rows: rows.length }) : undefined}
      loading={register.isPending || entrances.isPending}
      error={register.error?.message ?? entrances.error?.message}
      pageMargin="12mm 10mm"
    >
      {shown.length === 0 && <Empty description={t('gate-console:register.none')} style={{ margin: 48 }} />}
      {shown.map((e) => (
        <RegisterSheet key={e.id} community={community} day={day} entrance={e} rows={rows.filter((r) => r.entranceId === e.id)} />
      ))}
    </PrintFrame>
  );
}

const COLUMNS = ['time', 'direction', 'kind', 'name', 'label', 'idNumber', 'phone', 'fromPlace', 'purpose', 'visiting', 'temperature', 'healthCode', 'result', 'recordedBy'] as const;
/** Short cells kept on one line; the long ones (address, place, purpose) wrap instead. */
const ONE_LINE = new Set<(typeof COLUMNS)[number]>(['time', 'direction', 'kind', 'name', 'temperature', 'healthCode', 'result']);

function RegisterSheet({ community, day, entrance, rows }: { community: string; day: string; entrance: Entrance; rows: readonly PassageRow[] }) {
  const { t } = useTranslation();
  const result = (r: PassageRow) =>
    r.allowed ? t('server:gateSheet.allowed') : `${t('server:gateSheet.refused')}${r.reason ? `: ${t(`server:gateSheet.reason.${r.reason}`)}` : ''}`;
  return (
    <section className="gate-sheet gate-sheet-flow" data-testid="register-sheet" data-entrance={entrance.name}>
      <h2 className="gate-register-title">{t('server:gateSheet.title', { community, entrance: entrance.name, day })}</h2>
      <p className="gate-register-summary">
        {t('server:gateSheet.summary', { total: rows.length, visitors: rows.filter((r) => r.kind === 'visitor').length, fevers: rows.filter((r) => r.fever).length })}
      </p>
      <table className="gate-register-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} className={ONE_LINE.has(c) ? 'gate-nowrap' : undefined}>
                {t(`server:gateSheet.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="register-print-row">
              <td className="gate-nowrap">{clockOf(r.at)}</td>
              <td className="gate-nowrap">{t(`server:gateSheet.direction.${r.direction}`)}</td>
              <td className="gate-nowrap">{t(`server:gateSheet.kind.${r.kind}`)}</td>
              <td className="gate-nowrap">{r.name}</td>
              <td>{r.label ?? ''}</td>
              <td>{r.idMasked ?? ''}</td>
              <td>{r.phoneMasked ?? ''}</td>
              <td>{r.fromPlace ?? ''}</td>
              <td>{r.purpose ?? ''}</td>
              <td>{r.visiting ?? ''}</td>
              <td className={r.fever ? 'gate-nowrap gate-fever' : 'gate-nowrap'}>{r.temperature === null ? '' : temperatureOf(t, r.temperature)}</td>
              <td className="gate-nowrap">{r.healthCode ? t(`server:gateSheet.healthCode.${r.healthCode}`) : ''}</td>
              <td className="gate-nowrap">{result(r)}</td>
              <td>{r.recordedByName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
