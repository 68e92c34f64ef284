import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Check } from '../observation.resource.ts';
import { CHECK_STATE_COLOR, clockOf, dateTimeOf, FEVER_RED, feverStyle, temperatureText } from '../observation-format.ts';

/**
 * One check as a coloured chip: its time and kind, and once done the reading
 * (a fever in red) with "late" when entered after its time had passed.
 * Done green, overdue red, due orange, still to come grey.
 */
export function CheckChip({ check, inGrid = false }: { check: Check; /** In a grid whose column already says the time and kind. */ inGrid?: boolean }) {
  const { t } = useTranslation();
  const reading =
    check.temperature !== null ? (
      <span style={feverStyle(check.temperature)} data-testid="check-temperature">
        {temperatureText(t, check.temperature)}
      </span>
    ) : check.testResult ? (
      <span style={check.testResult === 'positive' ? { color: FEVER_RED, fontWeight: 700 } : undefined}>{t(`observation:testResult.${check.testResult}`)}</span>
    ) : (
      t(`observation:checkState.${check.state}`)
    );
  const details = [
    `${t(`observation:checkKind.${check.kind}`)} · ${dateTimeOf(check.dueAt)}`,
    check.doneAt && t('observation-console:checks.doneAt', { when: dateTimeOf(check.doneAt), by: check.recordedByName ?? '' }),
    check.note,
  ].filter(Boolean);
  return (
    <Tooltip title={details.map((d) => <div key={d}>{d}</div>)}>
      <Tag color={CHECK_STATE_COLOR[check.state]} data-testid="check-chip" data-state={check.state} data-kind={check.kind} style={{ marginInlineEnd: 4, marginBottom: 4 }}>
        {inGrid ? '' : `${clockOf(check.dueAt)} ${check.kind === 'test' ? `${t('observation:checkKind.test')} ` : ''}`}
        {reading}
        {check.late && (
          <Tag color="gold" style={{ marginInlineStart: 6, marginInlineEnd: 0 }} data-testid="check-late">
            {t('observation:late')}
          </Tag>
        )}
      </Tag>
    </Tooltip>
  );
}
