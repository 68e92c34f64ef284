import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiRequestError } from '../shared/api.ts';
import '../shared/i18n.ts';
import { createQueryClient, ME_KEY } from '../shared/session.ts';
import { App } from './app.component.tsx';
import './console.css';

const queryClient = createQueryClient();

/**
 * A session that ends while a page is open (signed out elsewhere, password
 * reset, account disabled) sends the user back to the sign-in page; a
 * password that must change first brings up the change-password page.
 */
function watchSession(error: unknown): void {
  if (!(error instanceof ApiRequestError)) return;
  if (error.status === 401 && queryClient.getQueryData(ME_KEY)) queryClient.setQueryData(ME_KEY, null);
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') void queryClient.invalidateQueries({ queryKey: ME_KEY });
}
queryClient.getQueryCache().subscribe((e) => {
  if (e.type === 'updated' && e.action.type === 'error') watchSession(e.action.error);
});
queryClient.getMutationCache().subscribe((e) => {
  if (e.type === 'updated' && e.action.type === 'error') watchSession(e.action.error);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
