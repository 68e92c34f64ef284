import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Alert, LiveGateView } from '../../../contract/gates.ts';
import { api, query } from '../../shared/api.ts';
import { openEventStream, type StreamStatus } from '../../shared/event-stream.ts';

export interface LiveGate {
  view: LiveGateView | null;
  /** Open fever alerts, newest first: the view's, plus any raised since it was sent. */
  alerts: Alert[];
  status: StreamStatus;
}

/**
 * Today at a community's gates, kept live through the server's stream: a
 * whole view on connecting (so a phone back from a dead zone has caught up)
 * and after each change, and each fever alert as it is raised. The stream
 * reconnects by itself (`shared/event-stream.ts`).
 */
export function useLiveGate(communityId: string | undefined): LiveGate {
  const [view, setView] = useState<LiveGateView | null>(null);
  const [raised, setRaised] = useState<Alert[]>([]);
  const [status, setStatus] = useState<StreamStatus>('connecting');

  useEffect(() => {
    if (!communityId) return;
    setView(null);
    setRaised([]);
    return openEventStream(`/api/gates/live/stream${query({ communityId })}`, {
      onEvent: (event, data) => {
        if (event === 'view') {
          setView(data as LiveGateView);
          // A view lists every open alert: what arrived on its own before is in it (or handled).
          setRaised([]);
        } else if (event === 'alert') {
          const alert = data as Alert;
          if (alert.communityId === communityId) setRaised((list) => [alert, ...list.filter((a) => a.id !== alert.id)]);
        }
      },
      onStatus: (s) => setStatus(s),
    });
  }, [communityId]);

  const fromView = view?.alerts ?? [];
  const alerts = [...raised.filter((a) => !fromView.some((v) => v.id === a.id)), ...fromView].filter((a) => a.handledAt === null);
  return { view, alerts, status };
}

/** Marks an alert handled, with what was done (the note is required). */
export function useHandleAlert() {
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api<Alert>('POST', `/api/gates/alerts/${encodeURIComponent(id)}/handle`, { note }),
  });
}
