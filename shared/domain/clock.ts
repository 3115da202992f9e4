/**
 * The one desk clock. Every "now" of the core, the host and the renderer comes from a `Clock`, so
 * tests, the demo and the benchmark can set the desk to any instant (a month's first minutes,
 * 29 February, the day after 国庆) while production reads the system time.
 */
export type Clock = () => Date;

/** The system's time: what a desk runs on. */
export const systemClock: Clock = () => new Date();

/**
 * A clock that reads `start` at the moment it is made and then runs at the system's pace, so
 * a desk started "at" 2027-01-01 00:05 still sees minutes pass (sessions expire, timestamps order).
 */
export function clockFrom(start: Date, system: Clock = systemClock): Clock {
  const offset = start.getTime() - system().getTime();
  return () => new Date(system().getTime() + offset);
}

/**
 * Reads a clock setting (`--now` / `AFTERCARE_NOW`): an ISO-8601 instant with a zone
 * (`2027-01-01T00:05:00+08:00`, `2026-12-31T16:05Z`). Empty means the system time; anything else
 * that is not such an instant throws, so a typo never silently runs a desk at the wrong time.
 */
export function clockSetting(value: string | undefined, system: Clock = systemClock): Clock {
  const text = value?.trim() ?? '';
  if (text === '') return system;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    throw new Error(`not an ISO-8601 instant with a zone (e.g. 2027-01-01T00:05:00+08:00): ${text}`);
  }
  const start = new Date(text);
  // Date rolls 30 February over to March: a calendar day that does not exist is refused too.
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(start.getTime()) || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) throw new Error(`not a valid instant: ${text}`);
  return clockFrom(start, system);
}
