import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { FieldGate } from '../../../contract/gates.ts';
import { api } from '../../shared/api.ts';
import { hasPermission, useMe } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';

export type { Community, PatrolGroup } from './gate-kit.ts';

/** Kept on the phone (see query-persistence.ts) and never dropped from the cache while the app runs. */
export const GATE_KIT_KEY = ['field-gate'] as const;

/** Revocations must reach a gate phone quickly: the kit is fetched again every minute while online. */
const REFRESH_MS = 60_000;

/** Whether the user's roles can use gates or patrols at all (the kit says where). */
export const mayUseGates = (me: Parameters<typeof hasPermission>[0]) => hasPermission(me, 'gate.register') || hasPermission(me, 'gate.patrol');

/**
 * What a gate phone needs to work with no network: the entrances the user may
 * register at, the communities' public keys, the passes revoked or suspended,
 * the patrol groups. Downloaded at start, on reconnecting and every minute
 * online; the saved copy is used when not.
 */
export function useGateKit() {
  const me = useMe();
  const online = useOnline();
  return useQuery({
    queryKey: GATE_KIT_KEY,
    queryFn: () => api<FieldGate>('GET', '/api/field/gate'),
    enabled: mayUseGates(me.data),
    staleTime: 30_000,
    gcTime: Infinity,
    refetchInterval: online ? REFRESH_MS : false,
  });
}

/** Fetches the kit again as soon as the server is reachable again: the revocations made meanwhile matter most. */
export function useKitRefreshOnReconnect(enabled: boolean): void {
  const online = useOnline();
  const client = useQueryClient();
  const wasOnline = useRef(online);
  useEffect(() => {
    // Only on the way back: at start the query fetches by itself.
    if (enabled && online && !wasOnline.current) void client.invalidateQueries({ queryKey: GATE_KIT_KEY });
    wasOnline.current = online;
  }, [enabled, online, client]);
}
