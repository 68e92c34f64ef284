'use strict';

/**
 * autocannon's setupClient for registrations: each request carries a new id,
 * as each scan on a phone does (the same id twice would be "already stored",
 * a cheaper answer than the one measured), and the next of the bodies given
 * (scans of different passes), each connection starting at another one. The
 * bodies hold the placeholder id below; a fresh one replaces it every time.
 */
const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
let connections = 0;

module.exports = function freshIdClient(client) {
  const templates = client.opts.requests.map((r) => String(r.body));
  client.setRequests([client.opts.requests[0]]);
  let next = (connections++ * 7) % templates.length;
  const renew = () => {
    client.setBody(templates[next].replace(PLACEHOLDER, globalThis.crypto.randomUUID()));
    next = (next + 1) % templates.length;
  };
  renew();
  client.on('response', renew);
};
