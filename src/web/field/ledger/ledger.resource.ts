import { useMutation, useQuery } from '@tanstack/react-query';
import type { FieldLedger, RevealedResident } from '../../../contract/ledger.ts';
import type { z } from 'zod';
import { api } from '../../shared/api.ts';
import { hasPermission, useMe } from '../../shared/session.ts';

export type Household = FieldLedger['households'][number];
export type Member = Household['members'][number];
export type Round = FieldLedger['rounds'][number];

/** Kept on the phone (see query-persistence.ts) and never dropped from the cache while the app runs. */
export const LEDGER_KEY = ['field-ledger'] as const;

/** A refresh now and then while the app stays open, so a phone left on a desk does not work from yesterday's list. */
const REFRESH_MS = 5 * 60_000;

/**
 * The households of the user's groups, the open rounds and who was visited:
 * everything the phone needs to search and record visits with no network.
 * Downloaded when online; the saved copy is used (and shown) when not.
 */
export function useFieldLedger() {
  const me = useMe();
  return useQuery({
    queryKey: LEDGER_KEY,
    queryFn: () => api<FieldLedger>('GET', '/api/field/ledger'),
    enabled: hasPermission(me.data, 'screening.visit'),
    staleTime: 60_000,
    gcTime: Infinity,
    refetchInterval: REFRESH_MS,
  });
}

/** The full ID number and phone of one person, for this screen only (the server audits each reveal). */
export function useReveal() {
  return useMutation({
    mutationFn: (residentId: string) => api<z.infer<typeof RevealedResident>>('POST', `/api/residents/${encodeURIComponent(residentId)}/reveal`),
  });
}

/** The household, or undefined when it is not (or no longer) among the user's. */
export function findHousehold(ledger: FieldLedger, id: string): Household | undefined {
  return ledger.households.find((h) => h.id === id);
}

/** The open rounds that cover a group. */
export function roundsFor(ledger: FieldLedger, groupId: string): Round[] {
  return ledger.rounds.filter((r) => r.groups.some((g) => g.id === groupId));
}

/** Addresses as people read them: 2号 before 10号, 3栋2单元 before 3栋10单元. */
const collator = new Intl.Collator('zh-CN', { numeric: true });
export const byAddress = (a: { address: string }, b: { address: string }) => collator.compare(a.address, b.address);

/** The head of the household, else its first member: the name a household is known by. */
export function headOf(household: Household): Member | undefined {
  return household.members.find((m) => m.relation === 'head') ?? household.members[0];
}
