/**
 * Response and resolution targets per urgency (SPEC: seed 002 by default; complaints 2 h / 24 h).
 * Until the working calendar lands these are elapsed hours; the lifecycle issue moves them onto it.
 */
import { addMinutes } from './time';
import type { ProblemType, Urgency } from './ticket';

export interface SlaTarget {
  respondMinutes: number;
  resolveMinutes: number;
}

export type SlaPolicy = Record<Urgency, SlaTarget> & { complaint: SlaTarget };

export const SEED_002_POLICY: SlaPolicy = {
  urgent: { respondMinutes: 2 * 60, resolveMinutes: 4 * 60 },
  important: { respondMinutes: 4 * 60, resolveMinutes: 24 * 60 },
  normal: { respondMinutes: 8 * 60, resolveMinutes: 3 * 24 * 60 },
  complaint: { respondMinutes: 2 * 60, resolveMinutes: 24 * 60 },
};

/** Complaints keep their own (shorter) clock unless the urgency's is shorter still. */
export function targetFor(policy: SlaPolicy, urgency: Urgency, problemType: ProblemType): SlaTarget {
  const base = policy[urgency];
  if (problemType !== 'complaint') return base;
  return {
    respondMinutes: Math.min(base.respondMinutes, policy.complaint.respondMinutes),
    resolveMinutes: Math.min(base.resolveMinutes, policy.complaint.resolveMinutes),
  };
}

export function deadlines(reportedAt: string, target: SlaTarget): { responseDueAt: string; resolveDueAt: string } {
  return {
    responseDueAt: addMinutes(reportedAt, target.respondMinutes),
    resolveDueAt: addMinutes(reportedAt, target.resolveMinutes),
  };
}
