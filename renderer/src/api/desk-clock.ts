/**
 * The renderer's "now": the desk clock of the core (shared/domain/clock.ts), not the PC's. auth.status
 * answers with the desk's time; the offset from this PC's clock is kept, so a desk run at another
 * date (tests, the demo, `--now`) or a PC whose clock is off shows the same deadlines as the core.
 */
let offsetMs = 0;

/** Follows the desk clock from a time the core answered with (received just now). */
export function followDeskClock(deskNowIso: string): void {
  const desk = Date.parse(deskNowIso);
  if (!Number.isNaN(desk)) offsetMs = desk - Date.now();
}

export function deskNow(): Date {
  return new Date(Date.now() + offsetMs);
}
