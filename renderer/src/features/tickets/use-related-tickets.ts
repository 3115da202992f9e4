/** The related-ticket lookup of the intake form, asked again a moment after the phone, serial or device changes. */
import { useEffect, useState } from 'react';
import type { InputOf } from '../../../../shared/api/contract';
import type { RelatedTicket } from '../../../../shared/domain/related';
import { call } from '../../api/call';

/** Long enough to wait for the next keystroke, short enough to feel immediate. */
const PAUSE_MS = 350;

export function useRelatedTickets(input: InputOf<'tickets.related'>): { related: RelatedTicket[]; reload: () => void } {
  const [related, setRelated] = useState<RelatedTicket[]>([]);
  const [tick, setTick] = useState(0);
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
  }, [json, tick]);
  return { related, reload: () => setTick((n) => n + 1) };
}
