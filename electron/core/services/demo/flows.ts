/**
 * The usual runs of steps a demo ticket goes through, with the pauses a real desk has between them: the clerk's
 * first diagnosis on the phone, the engineer's plan, dispatch and the engineer's call, the visit, acceptance,
 * the follow-up call and the archive. Stories string these together and stop where their stage is.
 */
import type { Actor } from './runner';
import { accept, contact, followUp, labour, move, service, type DemoTicket, type UsedPart } from './ticket';
import type { ServiceMode } from './desk-rules';
import { DAY, HOUR, MIN } from './time';

export type Engineer = 'zhang' | 'li';
export type Satisfaction = 'very_satisfied' | 'satisfied' | 'neutral' | 'dissatisfied';

export interface Plan {
  mode: ServiceMode;
  diagnosis: string;
  plan: string;
  cause?: string;
  partsNeeded?: string;
  /** Core parts (or a cost above the threshold) send the plan to the supervisor. */
  core?: boolean;
  estimateFen?: number;
}

export const diagnose = (t: DemoTicket, guidance = '已电话指导客户按手册自查，故障依旧。', after = 25 * MIN): DemoTicket =>
  t.then(after, move('clerk', { move: 'startDiagnosis', remoteGuidance: guidance }));

export const plan = (t: DemoTicket, engineer: Engineer, p: Plan, after = 90 * MIN): DemoTicket =>
  t.then(
    after,
    move(engineer, {
      move: 'submitPlan', remoteGuidance: '', serviceMode: p.mode, diagnosis: p.diagnosis, rootCause: p.cause ?? '', repairPlan: p.plan,
      partsNeeded: p.partsNeeded ?? '', touchesCoreParts: p.core ?? false, estimateFen: p.estimateFen ?? 0,
    }),
  );

/** The supervisor assigns the engineer, who calls the customer within the hour. */
export const dispatch = (t: DemoTicket, engineer: Engineer, after = 30 * MIN, callAfter = 20 * MIN): DemoTicket =>
  t
    .then(after, move('super', { move: 'dispatch', engineerId: t.run.userId(engineer) }))
    .then(callAfter, contact(engineer, '已电话联系客户，约定服务时间。'));

/** On site the visit is the next morning; remote help and the depot start within the hour. */
export const start = (t: DemoTicket, engineer: Engineer, mode: ServiceMode, after?: number): DemoTicket =>
  t.then(after ?? (mode === 'onsite' ? 16 * HOUR : 40 * MIN), move(engineer, { move: 'startService' }));

/** The service record when the work is done, and the engineer's time on it (工时). */
export const work = (t: DemoTicket, engineer: Engineer, steps: string, parts: UsedPart[] = [], after = 90 * MIN): DemoTicket =>
  t.then(after, service(engineer, steps, parts)).then(0, labour(engineer, after));

/** On site the customer signs on the engineer's tablet; otherwise the desk records the acceptance. */
export const acceptance = (t: DemoTicket, who: Actor, satisfaction: Satisfaction, after = 30 * MIN, comments = ''): DemoTicket =>
  t.then(after, accept(who, satisfaction, comments));

/** The follow-up call the next day (solved), then the archive. */
export const close = (t: DemoTicket, satisfaction: Satisfaction, after = DAY, archiveAfter = 20 * MIN): DemoTicket =>
  t
    .then(after, followUp('clerk', satisfaction, satisfaction === 'dissatisfied' ? '客户对等待时间不满意' : '客户确认故障已排除'))
    .then(archiveAfter, move('clerk', { move: 'archive' }));
