import { useSyncExternalStore } from 'react';

/**
 * The field app's service worker. It lives at /m/sw.js, so its scope can
 * never reach beyond /m/ (the console at / stays uncontrolled); only this
 * entry registers it. Built by vite-plugin-pwa (see field-pwa.config.ts).
 */
const SW_URL = '/m/sw.js';
const SW_SCOPE = '/m/';

export interface SwStatus {
  /** A worker is active for /m/: the app shell opens without network. */
  offlineReady: boolean;
  /** A newer version took over while this page was open: a reload shows it. */
  updateReady: boolean;
}

let status: SwStatus = { offlineReady: false, updateReady: false };
const listeners = new Set<() => void>();

function set(patch: Partial<SwStatus>): void {
  status = { ...status, ...patch };
  for (const l of listeners) l();
}

export function registerServiceWorker(): void {
  // No worker in development (Vite serves modules, not the built shell) nor
  // where the browser offers none (plain HTTP on a LAN address).
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  const hadController = sw.controller !== null;
  sw.addEventListener('controllerchange', () => {
    // The first install also takes control (clientsClaim): only a replacement is an update.
    if (hadController) set({ updateReady: true });
  });
  void sw.ready.then(() => set({ offlineReady: true }));
  // Registered at once rather than after 'load': the shell is small, and a worker should be
  // ready before the user walks out of coverage minutes after a first visit.
  sw.register(SW_URL, { scope: SW_SCOPE }).catch(() => {
    // Without a worker the app still works online; the Me tab shows offline use as unavailable.
  });
}

export function useSwStatus(): SwStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => status,
  );
}
