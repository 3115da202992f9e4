/** Tells the host while this window edits a ticket (every 30 s, and when the form closes), so other desks see it. */
import { useEffect } from 'react';
import { call } from '../../api/call';

const EVERY_MS = 30_000;

export function useEditingPresence(ticketId: number, editing: boolean): void {
  useEffect(() => {
    if (!editing || !(ticketId > 0)) return;
    const say = (now: boolean) => void call('presence.set', { ticketId, editing: now });
    say(true);
    const timer = setInterval(() => say(true), EVERY_MS);
    return () => {
      clearInterval(timer);
      say(false);
    };
  }, [ticketId, editing]);
}
