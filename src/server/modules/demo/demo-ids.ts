import { createHash } from 'node:crypto';

/** The same key always gives the same id, so the same seed gives the same data on any machine. */
export function demoId(key: string): string {
  const h = createHash('sha256').update(`linli-demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
