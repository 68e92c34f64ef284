/** Where a server-sent event stream (event-stream.ts) stands. */
export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'stopped';

export interface StreamHandlers {
  onEvent(event: string, data: unknown): void;
  onStatus?(status: StreamStatus, detail?: { httpStatus?: number }): void;
}

/** What a live page says about its link to the server. */
export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'stopped';

/**
 * The stream's status as the person watching reads it: once the page has
 * been connected (or failed once), a new attempt is "reconnecting", not
 * "connecting" for the first time.
 */
export function linkState(status: StreamStatus, before: boolean): LinkState {
  switch (status) {
    case 'open':
      return 'live';
    case 'connecting':
      return before ? 'reconnecting' : 'connecting';
    case 'reconnecting':
      return 'reconnecting';
    case 'stopped':
      return 'stopped';
  }
}

/**
 * What a page does with a stream that only says `changed`: read again on
 * it, and once more when the stream is back after being down (it carries no
 * data, so what changed meanwhile would otherwise stay unseen); and show the
 * link as the person watching reads it.
 */
export function catchUpHandlers(refresh: () => void, show: (link: LinkState) => void): StreamHandlers {
  let before = false;
  let missed = false;
  return {
    onEvent(event) {
      if (event === 'changed') refresh();
    },
    onStatus(status) {
      show(linkState(status, before));
      if (status === 'open') {
        if (missed) refresh();
        missed = false;
        before = true;
      } else if (status === 'reconnecting') {
        missed = true;
        before = true;
      }
    },
  };
}
