import { Navigate } from 'react-router';
import { useSession } from '../auth/session-context';
import { StatisticsDashboard } from './StatisticsDashboard';

/** Statistics are for the supervisor and the admin; anyone else lands on the ticket list. */
export default function StatisticsPage() {
  const { user } = useSession();
  if (user.role !== 'supervisor' && user.role !== 'admin') return <Navigate to="/tickets" replace />;
  return <StatisticsDashboard />;
}
