import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../contract/auth.ts';
import type { Permission } from '../../domain/access/roles.ts';
import { api, ApiRequestError } from './api.ts';
import { changeLanguage, type Language } from './i18n.ts';

export const ME_KEY = ['me'] as const;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Refused requests (no access, not found) are answers, not failures to retry.
        retry: (count, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && count < 2,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** The signed-in user, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api<Me>('GET', '/api/auth/me');
        if (me.locale) await changeLanguage(me.locale);
        return me;
      } catch (e) {
        if (e instanceof ApiRequestError && e.status === 401) return null;
        throw e;
      }
    },
  });
}

export function hasPermission(me: Me | null | undefined, p: Permission): boolean {
  return me?.permissions.includes(p) ?? false;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api<Me>('POST', '/api/auth/login', body),
    onSuccess: async (me) => {
      await changeLanguage(me.locale);
      qc.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>('POST', '/api/auth/logout'),
    onSuccess: () => {
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api<{ ok: true }>('POST', '/api/auth/password', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  });
}

/** Switches the language on screen and, when signed in, in the user's settings. */
export function useSwitchLanguage() {
  const qc = useQueryClient();
  return async (lang: Language) => {
    await changeLanguage(lang);
    const me = qc.getQueryData<Me | null>(ME_KEY);
    if (me) qc.setQueryData(ME_KEY, await api<Me>('PATCH', '/api/auth/me', { locale: lang }));
  };
}
