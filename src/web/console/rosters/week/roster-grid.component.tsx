import { SettingOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiDate } from '../../../../domain/local-date.ts';
import { EntranceStateTag } from '../../gates/entrance-state-tag.component.tsx';
import { shiftLabel, shortDay, weekdayIndex, type GridCell, type GridRow, type GridShift } from '../roster-grid.ts';
import '../rosters.css';

export interface ShiftRef {
  entranceId: string;
  day: string;
  start: string;
  end: string;
}

interface Props {
  days: readonly string[];
  rows: readonly GridRow[];
  /** A secretary edits; offices above read. */
  canManage: boolean;
  onShift: (ref: ShiftRef) => void;
  onEditShifts: (entranceId: string) => void;
}

/** Rows of checkpoints, columns of days, in each cell the shifts with their people; short shifts in red. */
export function RosterGrid({ days, rows, canManage, onShift, onEditShifts }: Props) {
  const { t } = useTranslation();
  const today = shanghaiDate();
  return (
    <div className="roster-grid-scroll">
      <table className="roster-grid" data-testid="roster-grid">
        <thead>
          <tr>
            <th className="roster-cp">{t('teams-console:rosters.grid.checkpoint')}</th>
            {days.map((day) => (
              <th key={day} className={day === today ? 'roster-today' : undefined} data-day={day}>
                {t(`teams:weekdays.${weekdayIndex(day)}`)} {shortDay(day)}
                {day === today && ` · ${t('teams-console:rosters.grid.today')}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.entranceId} data-testid="roster-row" data-checkpoint={row.name} data-gaps={row.gaps}>
              <th className="roster-cp">
                <div>{row.name}</div>
                <div style={{ marginTop: 4, display: 'flex', gap: 4, alignItems: 'center', flexWrap: 'wrap' }}>
                  {row.gaps > 0 ? (
                    <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="roster-row-gaps">
                      {t('teams-console:rosters.grid.gaps', { count: row.gaps })}
                    </Tag>
                  ) : (
                    <Tag color="green" style={{ marginInlineEnd: 0 }}>
                      {t('teams-console:rosters.grid.full')}
                    </Tag>
                  )}
                  {canManage && (
                    <Tooltip title={t('teams-console:rosters.shifts.edit')}>
                      <Button size="small" type="text" icon={<SettingOutlined />} onClick={() => onEditShifts(row.entranceId)} data-testid="roster-edit-shifts" aria-label={t('teams-console:rosters.shifts.edit')} />
                    </Tooltip>
                  )}
                </div>
              </th>
              {row.cells.map((cell) => (
                <Cell key={cell.day} entranceId={row.entranceId} cell={cell} canManage={canManage} onShift={onShift} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ entranceId, cell, canManage, onShift }: { entranceId: string; cell: GridCell; canManage: boolean; onShift: (ref: ShiftRef) => void }) {
  const { t } = useTranslation();
  // A day the entrance is sealed or open takes no duties; any made before it changed still show, to be moved.
  const shifts = cell.open ? cell.shifts : cell.shifts.filter((s) => s.duties.length > 0);
  return (
    <td className={cell.open ? undefined : 'roster-closed'} data-testid="roster-cell" data-day={cell.day} data-state={cell.state}>
      {!cell.open && (
        <Tooltip title={t('teams-console:rosters.grid.closedDay')}>
          <div style={{ marginBottom: shifts.length ? 4 : 0 }}>
            <EntranceStateTag state={cell.state} />
          </div>
        </Tooltip>
      )}
      {shifts.map((s) => (
        <ShiftBlock key={`${s.start}-${s.end}`} shift={s} open={cell.open} clickable={canManage} onClick={() => onShift({ entranceId, day: cell.day, start: s.start, end: s.end })} />
      ))}
    </td>
  );
}

function ShiftBlock({ shift, open, clickable, onClick }: { shift: GridShift; open: boolean; clickable: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  const classes = ['roster-shift', shift.gap && 'roster-gap', !shift.defined && 'roster-stray', !open && 'roster-closed-shift'].filter(Boolean).join(' ');
  const names = shift.duties.map((d) => d.name).join(t('teams:listSeparator'));
  const body = (
    <>
      <span className="roster-shift-head">
        <span>{shiftLabel(shift.start, shift.end)}</span>
        <span className="roster-count" data-testid="roster-shift-count">
          {shift.defined ? `${shift.staffed}/${shift.minimum}` : t('teams-console:rosters.grid.stray')}
        </span>
      </span>
      <span className={names ? 'roster-names' : 'roster-names roster-names-empty'} style={{ display: 'block' }} data-testid="roster-shift-names">
        {names || (shift.minimum > 0 ? t('teams-console:rosters.grid.nobody') : '—')}
      </span>
    </>
  );
  const data = { 'data-testid': 'roster-shift', 'data-start': shift.start, 'data-end': shift.end, 'data-gap': String(shift.gap) };
  return clickable ? (
    <button type="button" className={classes} onClick={onClick} {...data}>
      {body}
    </button>
  ) : (
    <div className={classes} {...data}>
      {body}
    </div>
  );
}
