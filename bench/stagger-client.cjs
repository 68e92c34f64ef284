'use strict';

/**
 * autocannon's setupClient, loaded by path so that it also works in autocannon's
 * worker thread. Every connection would otherwise walk the same list of
 * requests in step (all 50 writing the same unit at once); this starts each
 * connection at a different place in the list.
 */
let next = 0;

module.exports = function staggerClient(client) {
  const list = client.opts.requests;
  if (!Array.isArray(list) || list.length < 2) return;
  const k = next++ % list.length;
  client.setRequests([...list.slice(k), ...list.slice(0, k)]);
};
