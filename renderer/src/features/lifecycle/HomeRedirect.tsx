import { Navigate } from 'react-router';
import { useSession } from '../auth/session-context';

/** Engineers land on their own tickets; the desk lands on the full list. */
export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={user.role === 'engineer' ? '/queue/mine' : '/tickets'} replace />;
}
