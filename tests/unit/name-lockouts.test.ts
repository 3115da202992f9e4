/** Unknown names are locked like accounts, and a flood of invented names stays bounded in memory. */
import { describe, expect, it } from 'vitest';
import { NameLockouts } from '../../electron/core/auth/name-lockouts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 10, minute));

describe('name lockouts', () => {
  it('locks a name on its third failure (rule of 3) until the lock ends, whatever its case', () => {
    const names = new NameLockouts({ maxFailures: 3, lockMinutes: 15 });
    expect([names.fail('Nobody', at(0)), names.fail('nobody', at(1))]).toEqual([null, null]);
    expect(names.fail('NOBODY', at(2))).toBe('2026-11-24T10:17:00.000Z');
    expect(names.lockedUntil('nobody', at(16))).toBe('2026-11-24T10:17:00.000Z');
    expect(names.lockedUntil('nobody', at(17))).toBeNull();
    expect(names.fail('nobody', at(18))).toBeNull(); // the count starts again after a lock
  });

  it('forgets the oldest names beyond its bound', () => {
    const names = new NameLockouts({ maxFailures: 1, lockMinutes: 15 }, 2);
    for (const name of ['a', 'b', 'c']) names.fail(name, at(0));
    expect(['a', 'b', 'c'].map((n) => names.lockedUntil(n, at(1)) !== null)).toEqual([false, true, true]);
  });
});
