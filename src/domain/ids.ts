/**
 * A UUIDv7: time-ordered, so ids made on phones while offline still sort by
 * creation and index well, and a retried write carries the same id. Within
 * one millisecond a counter in the 12 `rand_a` bits keeps ids made here in
 * order (RFC 9562, method 1), so records that sort by (time, id) — the audit
 * trail — keep the order they were made in. Uses Web Crypto, present in
 * Node.js and in browsers alike.
 */
let lastMs = -1;
let counter = 0;

export function uuidv7(now: number = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    counter++;
    if (counter > 0xfff) {
      ms = ++lastMs;
      counter = 0;
    }
  } else {
    lastMs = ms;
    // Start low, leaving room to count up within the millisecond.
    counter = bytes[7]! & 0x7f;
  }
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
