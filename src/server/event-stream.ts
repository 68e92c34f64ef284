import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';

export type SendEvent = (event: string, data: unknown) => void;

/** A comment line this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-sent events over a Fastify reply. `start` is called first and may
 * throw (not found, forbidden): nothing has been sent yet, so that is an
 * ordinary JSON error. Its first `send` opens the stream. The stream ends
 * after `maxMs` (the page reconnects, and a signed-out user's stream stops),
 * when the viewer leaves, or when the server stops — streams still open would
 * otherwise hold the shutdown.
 */
export function eventStreams(app: FastifyInstance, maxMs: number) {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const raw of open) raw.end();
  });

  return async (reply: FastifyReply, start: (send: SendEvent) => Promise<() => void>): Promise<void> => {
    const raw = reply.raw;
    let opened = false;
    let closed = false;
    let stop: (() => void) | undefined;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const finish = () => {
      closed = true;
      open.delete(raw);
      timers.forEach((t) => clearTimeout(t));
      stop?.();
      stop = undefined;
    };
    raw.on('close', finish);
    open.add(raw);
    const send: SendEvent = (event, data) => {
      if (!opened) {
        opened = true;
        reply.hijack();
        raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        raw.write('retry: 2000\n\n');
      }
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    stop = await start(send);
    // The viewer may have left while the first event was being prepared.
    if (closed) return finish();
    timers.push(setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS), setTimeout(() => raw.end(), maxMs));
  };
}
