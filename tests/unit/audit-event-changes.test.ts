/**
 * A ticket change's audit entry kept on its timeline event holds what the change altered and reads back as the
 * trail writes it: each altered field with a "before" of null, the status pair from the event's move.
 */
import { describe, expect, it } from 'vitest';
import { changesBetween, changesOfEvent, eventChanges } from '../../electron/core/services/audit';

type Values = Record<string, unknown>;
const AT = '2026-11-24T10:00:00.000Z';

/** What applyChange gets: the status before, the ticket's values before, and the values it writes (with the new status on a move). */
const CASES: [string, string, Values, Values][] = [
  ['a move with nothing else (cancel)', 'registered', {}, { status: 'cancelled' }],
  ['a move with values (dispatch)', 'planning', { assigned_to: null, dispatched_at: null, contacted_at: null }, { assigned_to: 4, dispatched_at: AT, contacted_at: null, status: 'dispatched' }],
  ['a change without a move (consent)', 'planning', { consent_at: null, consent_channel: null }, { consent_at: AT, consent_channel: 'phone' }],
  ['a move to the same status (failAcceptance)', 'in_service', { function_test: null }, { function_test: 'abnormal', status: 'in_service' }],
  ['no values at all (a note)', 'diagnosing', {}, {}],
  ['non-ASCII text', 'diagnosing', { diagnosis: '' }, { diagnosis: '压缩机启动电容失效，更换后制冷恢复 ℃', status: 'planning' }],
  ['quotes, backslashes and NUL', 'in_service', { acceptance_comments: '' }, { acceptance_comments: 'say "ok" \\ done\u0000end', status: 'accepted' }],
  ['empty strings, zeros and false over null', 'diagnosing', { remote_guidance: null, touches_core_parts: null, flag: null }, { remote_guidance: '', touches_core_parts: 0, flag: false, status: 'planning' }],
  ['nested values', 'planning', { parts: null }, { parts: [{ partNo: 'P-1', qty: 2 }], status: 'dispatched' }],
  ['unchanged values left out', 'diagnosing', { remote_guidance: '', responded_at: AT, estimate_fen: 0, eta: null }, { remote_guidance: '', responded_at: AT, estimate_fen: 0, eta: null, service_mode: 'onsite', status: 'planning' }],
  ['a value cleared', 'dispatched', { contacted_at: AT }, { contacted_at: null }],
];

/** The trail's entry of the change, with every "before" but the status's null, as the event entry stands for it. */
function trailEntry(from: string, before: Values, values: Values) {
  const changes = changesBetween({ ...before, status: from }, values);
  return Object.fromEntries(Object.entries(changes).map(([field, [was, now]]) => [field, field === 'status' ? [was, now] : [null, now]]));
}

describe('audit entries on ticket events', () => {
  it.each(CASES)('%s: round trip equals the trail', (_name, from, before, values) => {
    const to = typeof values.status === 'string' && values.status !== from ? values.status : null;
    const stored = eventChanges(from, before, values);
    expect(changesOfEvent(stored, to === null ? null : from, to)).toEqual(trailEntry(from, before, values));
  });

  it.each(CASES)('%s: keeps only the altered fields, and the status move out of the stored text', (_name, from, before, values) => {
    const stored = JSON.parse(eventChanges(from, before, values)) as Values;
    expect(stored).not.toHaveProperty('status');
    const altered = Object.keys(values).filter((k) => k !== 'status' && JSON.stringify(values[k] ?? null) !== JSON.stringify(before[k] ?? null));
    expect(Object.keys(stored)).toEqual(altered);
  });

  it('keeps the field order of the trail, the status last', () => {
    const changes = changesOfEvent(eventChanges('planning', {}, { b: 1, a: 2, status: 'dispatched' }), 'planning', 'dispatched');
    expect(Object.keys(changes)).toEqual(['b', 'a', 'status']);
  });
});
