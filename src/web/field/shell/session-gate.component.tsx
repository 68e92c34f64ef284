import { useQueryClient } from '@tanstack/react-query';
import { SpinLoading } from 'antd-mobile';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../../shared/session.ts';
import { forgetQueries } from '../offline/query-persistence.ts';

/**
 * Lets signed-in users through, sends everyone else to the sign-in page and
 * a user with a temporary password to the password page (every other API
 * call would answer 403 until then). Works from the saved user when offline.
 */
export function SessionGate() {
  const me = useMe();
  const location = useLocation();
  const qc = useQueryClient();
  const signedOut = me.data === null;

  useEffect(() => {
    // The session ended (expired, or revoked elsewhere): nothing of that user stays on the phone.
    if (signedOut) {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      forgetQueries();
    }
  }, [signedOut, qc]);

  if (me.data === undefined && me.fetchStatus === 'fetching') {
    return (
      <div className="field-center" aria-busy="true">
        <SpinLoading color="primary" />
      </div>
    );
  }
  // Signed out, or unknown because the network is down and nothing was saved: sign-in is the way on.
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (me.data.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return <Outlet />;
}
