import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/i18n.ts';
import { createQueryClient } from '../shared/session.ts';
import { App } from './app.component.tsx';
import './field.css';
import { watchConnectivity } from './offline/connectivity.ts';
import { persistQueries, restoreQueries } from './offline/query-persistence.ts';
import { registerServiceWorker } from './pwa/register-sw.ts';

const queryClient = createQueryClient();
// Writes fail at once without network and say so; paused writes would leave a spinner turning.
// (Queued offline writes will go through their own outbox, not through paused mutations.)
queryClient.setDefaultOptions({
  ...queryClient.getDefaultOptions(),
  mutations: { ...queryClient.getDefaultOptions().mutations, networkMode: 'always' },
});
watchConnectivity(queryClient);
restoreQueries(queryClient);
persistQueries(queryClient);
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from m/index.html');
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
