import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Briefing, BriefingWrite, Hazard, HazardCreate, HazardUpdate, Task, TaskCreate, TaskEdit } from '../../../../contract/briefings.ts';
import { api, query } from '../../../shared/api.ts';
import { teamsKeys, useTeamsMutation } from '../teams.resource.ts';

export type { Briefing, Hazard, Task };
export type HazardKind = Hazard['kind'];

const id = encodeURIComponent;

/** The day's briefing: notes, tasks with their completion, and the hazards open that day. Kept fresh while the field ticks tasks off. */
export function useBriefing(communityId: string, day: string) {
  return useQuery({
    queryKey: teamsKeys.briefing(communityId, day),
    queryFn: () => api<Briefing>('GET', `/api/briefings${query({ communityId, day })}`),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export const useWriteNotes = () => useTeamsMutation((body: z.input<typeof BriefingWrite>) => api<Briefing>('PUT', '/api/briefings', body));
export const useCreateTask = () => useTeamsMutation((body: z.input<typeof TaskCreate>) => api<Task>('POST', '/api/briefings/tasks', body));
export const useEditTask = () =>
  useTeamsMutation(({ taskId, ...body }: z.input<typeof TaskEdit> & { taskId: string }) => api<Task>('PATCH', `/api/briefings/tasks/${id(taskId)}`, body));
export const useCreateHazard = () => useTeamsMutation((body: z.input<typeof HazardCreate>) => api<Hazard>('POST', '/api/hazards', body));
export const useUpdateHazard = () =>
  useTeamsMutation(({ hazardId, ...body }: z.input<typeof HazardUpdate> & { hazardId: string }) => api<Hazard>('POST', `/api/hazards/${id(hazardId)}/updates`, body));
