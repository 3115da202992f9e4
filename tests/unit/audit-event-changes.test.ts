/** A ticket change's audit entry kept on its timeline event reads back exactly as the trail would have written it. */
import { describe, expect, it } from 'vitest';
import { changesBetween, changesOfEvent, eventChanges } from '../../electron/core/services/audit';

/** What applyChange gets: the status before, and the values it writes (with the new status on a move). */
const CASES: [string, string, Record<string, unknown>][] = [
  ['a move with nothing else (cancel)', 'registered', { status: 'cancelled' }],
  ['a move with values (dispatch)', 'planning', { assigned_to: 4, dispatched_at: '2026-11-24T10:00:00.000Z', contacted_at: null, status: 'dispatched' }],
  ['a change without a move (consent)', 'planning', { consent_at: '2026-11-24T10:00:00.000Z', consent_channel: 'phone' }],
  ['a move to the same status (failAcceptance)', 'in_service', { function_test: 'abnormal', status: 'in_service' }],
  ['no values at all (a note)', 'diagnosing', {}],
  ['non-ASCII text', 'diagnosing', { diagnosis: '压缩机启动电容失效，更换后制冷恢复 ℃', status: 'planning' }],
  ['quotes, backslashes and NUL', 'in_service', { acceptance_comments: 'say "ok" \\ done\u0000end', status: 'accepted' }],
  ['empty strings, zeros and false', 'diagnosing', { remote_guidance: '', touches_core_parts: 0, flag: false, status: 'planning' }],
  ['nested values', 'planning', { parts: [{ partNo: 'P-1', qty: 2 }], status: 'dispatched' }],
];

describe('audit entries on ticket events', () => {
  it.each(CASES)('%s: round trip equals the trail', (_name, from, values) => {
    const to = typeof values.status === 'string' && values.status !== from ? values.status : null;
    const stored = eventChanges(from, values);
    expect(changesOfEvent(stored, to === null ? null : from, to)).toEqual(changesBetween({ status: from }, values));
  });

  it.each(CASES)('%s: keeps the status move out of the stored text and every "before" null', (_name, from, values) => {
    const stored = JSON.parse(eventChanges(from, values)) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('status');
    expect(Object.keys(stored)).toEqual(Object.keys(values).filter((k) => k !== 'status' && values[k] !== null));
  });

  it('keeps the field order of the trail, the status last', () => {
    const changes = changesOfEvent(eventChanges('planning', { b: 1, a: 2, status: 'dispatched' }), 'planning', 'dispatched');
    expect(Object.keys(changes)).toEqual(['b', 'a', 'status']);
  });
});
