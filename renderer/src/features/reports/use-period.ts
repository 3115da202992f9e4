/** The dashboard's period lives in the URL so Back from a ticket list returns to the same figures. */
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session-context';
import { currentMonth, isValidRange, monthPeriod, type Period } from './period';

export function usePeriod(): [Period, (next: Period) => void] {
  const [params, setParams] = useSearchParams();
  const { timeZone } = useSession();
  const asked = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const period = isValidRange(asked) ? asked : monthPeriod(currentMonth(timeZone));
  const update = (next: Period) => setParams(new URLSearchParams({ from: next.from, to: next.to }), { replace: true });
  return [period, update];
}
