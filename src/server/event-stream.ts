import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';

export type SendEvent = (event: string, data: unknown) => void;

/** A comment line this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;
/** A viewer this far behind is not reading: the stream is cut (the page reconnects and catches up) rather than buffered without end. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Server-sent events over a Fastify reply. `start` is called first and may
 * throw (not found, forbidden): nothing has been sent yet, so that is an
 * ordinary JSON error. Its first `send` opens the stream. The stream ends
 * after `maxMs` (the page reconnects, and a signed-out user's stream stops),
 * when the viewer leaves or stops reading, or when the server stops — streams
 * still open would otherwise hold the shutdown.
 */
export function eventStreams(app: FastifyInstance, maxMs: number) {
  const open = new Map<ServerResponse, () => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open.values()]) end();
  });

  return async (reply: FastifyReply, start: (send: SendEvent) => Promise<() => void>): Promise<void> => {
    const raw = reply.raw;
    let opened = false;
    let finished = false;
    let stop: (() => void) | undefined;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const finish = () => {
      if (finished) return;
      finished = true;
      open.delete(raw);
      timers.forEach((t) => clearTimeout(t));
      stop?.();
      stop = undefined;
    };
    const end = () => {
      finish();
      if (!raw.writableEnded) raw.end();
    };
    const write = (text: string) => {
      if (finished || raw.writableEnded || raw.destroyed) return;
      raw.write(text);
      if (raw.writableLength > MAX_BUFFERED_BYTES) {
        finish();
        raw.destroy();
      }
    };
    raw.on('close', finish);
    raw.on('error', finish);
    open.set(raw, end);
    const send: SendEvent = (event, data) => {
      if (!opened) {
        opened = true;
        reply.hijack();
        raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        write('retry: 2000\n\n');
      }
      write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    try {
      stop = await start(send);
    } catch (e) {
      finish();
      throw e;
    }
    // The viewer may have left while the first event was being prepared.
    if (finished) {
      stop();
      return;
    }
    timers.push(setInterval(() => write(': ping\n\n'), HEARTBEAT_MS), setTimeout(end, maxMs));
  };
}
