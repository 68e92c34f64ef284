import { Outlet } from 'react-router-dom';
import { useMe } from '../../shared/session.ts';
import { checkInChannel, taskDoneChannel } from './duty-outbox.ts';
import { useMyDuties, useMyTasks } from './duty.resource.ts';

/**
 * Around every signed-in screen: one's own shifts and today's tasks are
 * everyone's (no permission needed), so they are downloaded for every user
 * and kept on the phone, whichever page was open last when the network
 * went; check-ins and ticked-off tasks keep flowing to the server.
 */
export function DutyWork() {
  const signedIn = Boolean(useMe().data);
  checkInChannel.useAutoSync(signedIn);
  taskDoneChannel.useAutoSync(signedIn);
  return (
    <>
      <KeptDutyLists enabled={signedIn} />
      <Outlet />
    </>
  );
}

/** Beside the screens rather than around them: its refreshes do not draw every screen again. */
function KeptDutyLists({ enabled }: { enabled: boolean }) {
  useMyDuties(enabled);
  useMyTasks(enabled);
  return null;
}
