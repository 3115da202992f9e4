import { Navigate } from 'react-router';
import { useSession } from '../auth/session-context';
import { isPhoneWidth } from '../phone/phone-day';

/** Engineers land on their own tickets (on a phone-sized screen, the phone page); the desk lands on the full list. */
export function HomeRedirect() {
  const { user } = useSession();
  if (user.role === 'engineer' && isPhoneWidth(window.innerWidth)) return <Navigate to="/m" replace />;
  return <Navigate to={user.role === 'engineer' ? '/queue/mine' : '/tickets'} replace />;
}
