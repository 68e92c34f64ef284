import { useGateKit } from './gate-kit.resource.ts';
import { useGateOutbox } from './gate-outbox.ts';

/**
 * Which gate tools this user has, as the kit on the phone says (entrances to
 * register at, patrol groups to walk with), and how many of their
 * registrations and rounds are still on the phone.
 */
export function useGateTools(): { gate: boolean; patrol: boolean; onPhone: number; refused: boolean } {
  const kit = useGateKit();
  const { items } = useGateOutbox();
  return {
    gate: (kit.data?.entrances.length ?? 0) > 0,
    patrol: (kit.data?.patrolGroups.length ?? 0) > 0,
    onPhone: items.length,
    refused: items.some((i) => i.status === 'refused'),
  };
}

/** The first page of the gate tab: the desk, or the patrol for someone with no entrance. */
export const gateHome = (tools: { gate: boolean }) => (tools.gate ? '/gate' : '/patrol');
