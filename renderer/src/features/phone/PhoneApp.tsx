/** The engineer's phone page (#/m): sign-in, today's tickets and one ticket, in a small layout of its own. */
import { Route, Routes } from 'react-router';
import { AuthGate } from '../auth/AuthGate';
import { PhoneLayout } from './PhoneLayout';
import { PhoneTodayPage } from './PhoneTodayPage';
import { PhoneTicketPage } from './PhoneTicketPage';

export default function PhoneApp() {
  return (
    <AuthGate>
      <PhoneLayout>
        <Routes>
          <Route path="/" element={<PhoneTodayPage />} />
          <Route path="/tickets/:id" element={<PhoneTicketPage />} />
          <Route path="*" element={<PhoneTodayPage />} />
        </Routes>
      </PhoneLayout>
    </AuthGate>
  );
}
