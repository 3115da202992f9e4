/** Loads one API result for a component and reloads it on demand or when its input changes. */
import { useCallback, useEffect, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import { call } from './call';

export interface ApiState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useApi<M extends MethodName>(method: M, input: InputOf<M>, enabled = true): ApiState<OutputOf<M>> {
  const [tick, setTick] = useState(0);
  const json = JSON.stringify(input);
  const key = `${method}#${tick}#${json}`;
  const [state, setState] = useState<{ key: string; data: OutputOf<M> | null; error: ApiError | null }>({ key: '', data: null, error: null });

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void call(method, JSON.parse(json) as InputOf<M>).then((r) => {
      if (live) setState(r.ok ? { key, data: r.value, error: null } : { key, data: null, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [method, json, key, enabled]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  // While a new answer is on its way the previous one stays on screen.
  return { data: state.data, error: state.error, loading: enabled && state.key !== key, reload };
}
