/** Received and closed for each of the 12 months up to the chosen one (one call: two counts per month). */
import { useEffect, useState } from 'react';
import { call } from '../../api/call';

export interface TrendPoint {
  month: string;
  received: number;
  closed: number;
}

export function useTrend(lastMonth: string, months = 12): { points: TrendPoint[] | null; failed: boolean } {
  const key = `${lastMonth}#${months}`;
  const [state, setState] = useState<{ key: string; points: TrendPoint[] | null; failed: boolean }>({ key: '', points: null, failed: false });

  useEffect(() => {
    let live = true;
    void call('reports.trend', { month: lastMonth, months }).then((r) => {
      if (!live) return;
      setState({ key, points: r.ok ? r.value : null, failed: !r.ok });
    });
    return () => {
      live = false;
    };
  }, [key, lastMonth, months]);

  // The previous months stay on screen while the next ones load.
  return { points: state.points, failed: state.key === key && state.failed };
}
