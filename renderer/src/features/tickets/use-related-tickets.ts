/** The related-ticket lookup of the intake form, asked again a moment after the phone, serial or device changes. */
import { useEffect, useState } from 'react';
import type { InputOf } from '../../../../shared/api/contract';
import type { RelatedTicket } from '../../../../shared/domain/related';
import { call } from '../../api/call';

/** Long enough to wait for the next keystroke, short enough to feel immediate. */
const PAUSE_MS = 350;

/**
 * The related tickets of what is typed, and `check()` that asks now (for the save: a clerk who saves within
 * the pause still gets the warning instead of a double ticket).
 */
export function useRelatedTickets(input: InputOf<'tickets.related'>): { related: RelatedTicket[]; check: () => Promise<RelatedTicket[]> } {
  const [related, setRelated] = useState<RelatedTicket[]>([]);
  const json = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void call('tickets.related', JSON.parse(json) as InputOf<'tickets.related'>).then((r) => {
        if (live) setRelated(r.ok ? r.value : []);
      });
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [json]);
  async function check(): Promise<RelatedTicket[]> {
    const r = await call('tickets.related', JSON.parse(json) as InputOf<'tickets.related'>);
    const now = r.ok ? r.value : [];
    setRelated(now);
    return now;
  }
  return { related, check };
}
