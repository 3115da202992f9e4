import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSession } from '../features/auth/session-context';

export function AdminOnly({ children }: { children: ReactNode }) {
  const { user } = useSession();
  return user.role === 'admin' ? children : <Navigate to="/tickets" replace />;
}
