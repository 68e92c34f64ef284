/**
 * Server-sent events that do not give up. A browser's EventSource stops for
 * good after an HTTP error (a proxy's 502 while the server restarts), so this
 * reads the stream with fetch and reconnects by itself, waiting a little
 * longer each time (1 s, 2 s, 4 s … 15 s) and at once when the network comes
 * back. A stream that sends the whole view on each connection (the gates')
 * has caught up by reconnecting; one that only says what changed needs the
 * page to read again (link-state.ts, catchUpHandlers).
 */
import type { StreamHandlers } from './link-state.ts';

export type { StreamHandlers, StreamStatus } from './link-state.ts';

const MAX_WAIT_MS = 15_000;

/** Parses complete SSE frames from `buffer`; returns the events and what is left over. */
export function parseFrames(buffer: string): { events: { event: string; data: string }[]; rest: string } {
  const events: { event: string; data: string }[] = [];
  const frames = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = frames.pop() ?? '';
  for (const frame of frames) {
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

/** Opens the stream at `url` and keeps it open until the returned function is called. */
export function openEventStream(url: string, handlers: StreamHandlers): () => void {
  let stopped = false;
  let controller: AbortController | undefined;
  let wait = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const retryNow = () => {
    if (stopped || !timer) return;
    clearTimeout(timer);
    timer = undefined;
    void connect();
  };

  const later = () => {
    if (stopped) return;
    handlers.onStatus?.('reconnecting');
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, wait);
    wait = Math.min(wait * 2, MAX_WAIT_MS);
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    controller = new AbortController();
    handlers.onStatus?.('connecting');
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/event-stream' }, signal: controller.signal, cache: 'no-store' });
      // Signed out or no longer allowed: trying again would not help.
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        stopped = true;
        handlers.onStatus?.('stopped', { httpStatus: response.status });
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      handlers.onStatus?.('open');
      wait = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const parsed = parseFrames(buffer + value);
        buffer = parsed.rest;
        for (const e of parsed.events) {
          let data: unknown = e.data;
          try {
            data = JSON.parse(e.data);
          } catch {
            // not JSON: handed over as text
          }
          handlers.onEvent(e.event, data);
        }
      }
    } catch {
      if (stopped) return;
    }
    later();
  }

  window.addEventListener('online', retryNow);
  void connect();
  return () => {
    stopped = true;
    window.removeEventListener('online', retryNow);
    if (timer) clearTimeout(timer);
    controller?.abort();
  };
}
