/** Loads one API result for a component and reloads it on demand or when its input changes. */
import { useCallback, useEffect, useRef, useState } from 'react';
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
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ data: OutputOf<M> | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: enabled,
  });
  const [tick, setTick] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void call(method, inputRef.current).then((r) => {
      if (!live) return;
      setState(r.ok ? { data: r.value, error: null, loading: false } : { data: null, error: r.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [method, key, tick, enabled]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
