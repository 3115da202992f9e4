/**
 * A report time (报修时间) cannot lie in the future: deadlines and the month's figures follow it. A few
 * minutes ahead are allowed, as a desk PC's clock may run ahead of the desk clock.
 */
export const REPORT_TIME_SKEW_MINUTES = 5;

/** Whether `reportedAt` is later than `now` by more than the allowed clock skew. */
export function reportedInFuture(reportedAt: string, now: Date): boolean {
  return Date.parse(reportedAt) > now.getTime() + REPORT_TIME_SKEW_MINUTES * 60_000;
}
