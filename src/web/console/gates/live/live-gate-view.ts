import { useEffect, useRef, useState } from 'react';
import type { Alert, LiveGateView } from '../../../../contract/gates.ts';
import { query } from '../../../shared/api.ts';
import { openEventStream, type StreamStatus } from '../../../shared/event-stream.ts';
import { linkState, type LinkState } from '../../../shared/link-state.ts';

/**
 * The live gate view of a community, kept by the server's event stream: each
 * `view` replaces the whole view, each `alert` is handed to `onAlert`. While
 * the link is down the last view stays on screen; on reconnecting the server
 * sends a whole view again, so nothing missed stays missing.
 */
export function useLiveGateView(communityId: string, onAlert: (alert: Alert) => void) {
  const [view, setView] = useState<LiveGateView | null>(null);
  const [link, setLink] = useState<LinkState>('connecting');
  const [refusedStatus, setRefusedStatus] = useState<number | undefined>();
  // The newest handler without reopening the stream when the page re-renders.
  const alertHandler = useRef(onAlert);
  useEffect(() => {
    alertHandler.current = onAlert;
  }, [onAlert]);

  useEffect(() => {
    setView(null);
    setLink('connecting');
    setRefusedStatus(undefined);
    // Once connected or failed once, each new attempt is a reconnection.
    let before = false;
    const stop = openEventStream(`/api/gates/live/stream${query({ communityId })}`, {
      onEvent(event, data) {
        if (event === 'view') setView(data as LiveGateView);
        else if (event === 'alert') alertHandler.current(data as Alert);
      },
      onStatus(status: StreamStatus, detail) {
        if (status === 'stopped') setRefusedStatus(detail?.httpStatus);
        setLink(linkState(status, before));
        if (status === 'open' || status === 'reconnecting') before = true;
      },
    });
    return stop;
  }, [communityId]);

  /** Takes a handled alert off the view at once; the server's next view confirms it. */
  const dropAlert = (alertId: string) =>
    setView((v) => (v ? { ...v, alerts: v.alerts.filter((a) => a.id !== alertId) } : v));

  return { view, link, refusedStatus, dropAlert };
}
