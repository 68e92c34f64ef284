import type { TFunction } from 'i18next';

/** "2 waiting to upload · 1 refused", leaving out what is zero. */
export function outboxSummary(t: TFunction, waiting: number, refused: number): string {
  return [
    ...(waiting > 0 ? [t('field:outbox.summary', { count: waiting })] : []),
    ...(refused > 0 ? [t('field:outbox.summaryRefused', { count: refused })] : []),
  ].join(' · ');
}
