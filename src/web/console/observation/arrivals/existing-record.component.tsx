import { Alert, Button } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiRequestError } from '../../../shared/api.ts';
import { useObservationLink } from '../observation-frame.component.tsx';

/** A refusal that points at a record already there: the person is under observation, or this arrival is registered. */
export interface ExistingRecord {
  arrivalId: string;
  /** The server's words, in the user's language. */
  message: string;
}

/** The record a refusal points at (`ref: {type: 'arrival', id}`), whatever its code; null for any other error. */
export function existingRecordOf(error: unknown): ExistingRecord | null {
  if (!(error instanceof ApiRequestError)) return null;
  const ref = error.body.ref;
  return ref?.type === 'arrival' && ref.id ? { arrivalId: ref.id, message: error.message } : null;
}

/**
 * Says why the server refused, with a button to the record it points at:
 * the person is worked on there, not in a second record.
 */
export function ExistingRecordNotice({ existing, style }: { existing: ExistingRecord | null; style?: CSSProperties }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const link = useObservationLink();
  if (!existing) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="existing-record"
      data-id={existing.arrivalId}
      title={existing.message}
      style={style}
      action={
        <Button type="primary" onClick={() => void navigate(link(`/observation/arrivals/${existing.arrivalId}`))} data-testid="existing-record-open">
          {t('observation-console:register.openExisting')}
        </Button>
      }
    />
  );
}
