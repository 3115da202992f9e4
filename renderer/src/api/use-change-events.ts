/** Calls back when the core reports a change (SSE in browser mode, the event channel in Electron). */
import { useEffect, useRef } from 'react';
import { bridge } from './bridge';

export function useChangeEvents(onChange: () => void): void {
  const ref = useRef(onChange);
  ref.current = onChange;
  useEffect(() => bridge.onEvent(() => ref.current()), []);
}
