'use strict';

/**
 * autocannon's setupClient for registrations: each request carries a new id,
 * as each scan on a phone does (the same id twice would be "already stored",
 * a cheaper answer than the one measured). The body holds the placeholder id
 * below; a fresh one replaces it before every request.
 */
const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

module.exports = function freshIdClient(client) {
  const template = String(client.opts.requests[0].body);
  const renew = () => client.setBody(template.replace(PLACEHOLDER, globalThis.crypto.randomUUID()));
  renew();
  client.on('response', renew);
};
