import { useTranslation } from 'react-i18next';
import { clockTime } from './gate-format.ts';
import type { GateResult } from './last-result.ts';

type Tone = 'ready' | 'allowed' | 'refused' | 'warning';

function toneOf(result: GateResult | null): Tone {
  if (!result) return 'ready';
  if (result.kind === 'measureAgain') return 'warning';
  if (result.fever) return 'refused';
  if (result.kind === 'pass' && !result.allowed) return 'refused';
  return 'allowed';
}

/**
 * The answer a volunteer reads at arm's length in the rain: the whole width
 * green (let through, with the masked name and address to compare with the
 * person) or red (with the reason), a fever always red. Words and a mark as
 * well as the colour, for those who do not tell red from green.
 */
export function VerdictPanel({ result }: { result: GateResult | null }) {
  const { t } = useTranslation();
  const tone = toneOf(result);

  let title: string;
  let lines: (string | null)[];
  if (!result) {
    title = t('gate-field:verdict.ready');
    lines = [t('gate-field:verdict.readyHint')];
  } else if (result.kind === 'measureAgain') {
    title = t('gate-field:reading.measureAgain');
    lines = [result.temperature === null ? null : t('gate-field:reading.misreadValue', { value: result.temperature.toFixed(1) })];
  } else {
    const fever = result.fever && result.temperature !== null ? t('gate-field:verdict.fever', { value: result.temperature.toFixed(1) }) : null;
    if (result.kind === 'pass' && !result.allowed) {
      // A refused pass keeps its reason as the title; a fever on top is said below it.
      title = t(`gates:reasons.${result.reason ?? 'malformed'}`);
      lines = [result.name, result.detail, fever];
    } else if (result.kind === 'pass') {
      title = fever ?? t('gate-field:verdict.allowed');
      lines = [result.name, result.detail, fever ? t('gate-field:verdict.feverHint') : null];
    } else {
      title = fever ?? t('gate-field:verdict.visitorRegistered');
      lines = [result.name, fever ? t('gate-field:verdict.feverHint') : null];
    }
  }
  const meta =
    result && result.kind !== 'measureAgain'
      ? [t(`gates:directions.${result.direction}`), result.temperature !== null && !result.fever ? `${result.temperature.toFixed(1)} ${t('gates:temperatureUnit')}` : null, clockTime(result.at)]
          .filter(Boolean)
          .join(' · ')
      : null;

  return (
    <section
      className={`gate-verdict gate-verdict-${tone}`}
      data-testid="verdict"
      data-tone={tone}
      data-allowed={result && result.kind === 'pass' ? String(result.allowed) : undefined}
      data-reason={result && result.kind === 'pass' ? (result.reason ?? '') : undefined}
      data-fever={result && result.kind !== 'measureAgain' ? String(result.fever) : undefined}
      role="status"
      aria-live="assertive"
      // A new result replaces the element, so the eye catches the change even when the colour stays the same.
      key={result?.id ?? 'ready'}
    >
      {tone !== 'ready' && (
        <span className="gate-verdict-mark" aria-hidden="true">
          <VerdictMark tone={tone} />
        </span>
      )}
      <div className="gate-verdict-text">
        <strong className="gate-verdict-title" data-testid="verdict-title">
          {title}
        </strong>
        {lines.filter(Boolean).map((line, i) => (
          <span key={i} className={i === 0 && result ? 'gate-verdict-name' : 'gate-verdict-line'} data-testid={i === 0 ? 'verdict-name' : undefined}>
            {line}
          </span>
        ))}
        {meta && <span className="gate-verdict-meta">{meta}</span>}
      </div>
    </section>
  );
}

/** A tick, a cross or an exclamation mark, drawn (a font's check mark can look like a square root). */
function VerdictMark({ tone }: { tone: Exclude<Tone, 'ready'> }) {
  return (
    <svg viewBox="0 0 24 24" width="40" height="40" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round">
      {tone === 'allowed' && <path d="m5 12.5 4.5 4.5L19 7.5" />}
      {tone === 'refused' && <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />}
      {tone === 'warning' && <path d="M12 5v9M12 18.5v.5" />}
    </svg>
  );
}
