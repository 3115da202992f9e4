/** Received and closed for each of the 12 months up to the chosen one (12 statistics calls, in parallel). */
import { useEffect, useState } from 'react';
import { call } from '../../api/call';
import { monthPeriod, monthsUpTo } from './period';

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
    const list = monthsUpTo(lastMonth, months);
    void Promise.all(list.map((m) => call('reports.statistics', monthPeriod(m)))).then((results) => {
      if (!live) return;
      const points = results.map((r, i) => (r.ok ? { month: list[i]!, received: r.value.current.received, closed: r.value.current.closed } : null));
      const complete = points.every((p) => p !== null);
      setState({ key, points: complete ? (points as TrendPoint[]) : null, failed: !complete });
    });
    return () => {
      live = false;
    };
  }, [key, lastMonth, months]);

  // The previous months stay on screen while the next ones load.
  return { points: state.points, failed: state.key === key && state.failed };
}
