/** Calls back when the core reports a change (SSE in browser mode, the event channel in Electron). */
import { useEffect, useEffectEvent } from 'react';
import { bridge } from './bridge';

export function useChangeEvents(onChange: () => void): void {
  const handle = useEffectEvent(() => onChange());
  useEffect(() => bridge.onEvent(() => handle()), []);
}
