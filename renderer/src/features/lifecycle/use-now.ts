/** The desk clock's current time, refreshed every half minute, so "time left" counts down without a reload. */
import { useEffect, useState } from 'react';
import { deskNow } from '../../api/desk-clock';

export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => deskNow().getTime());
  useEffect(() => {
    const timer = setInterval(() => setNow(deskNow().getTime()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
