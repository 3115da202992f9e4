/** The menu by role: its groups in order, what each holds, and which entry a path lights up. */
import { describe, expect, it } from 'vitest';
import { navActive, navFor, type NavId } from '../../shared/domain/navigation';

const menu = (role: Parameters<typeof navFor>[0]) => Object.fromEntries(navFor(role).map((g) => [g.group, g.entries.map((e) => e.id)]));

describe('navigation by role', () => {
  it.each([
    ['clerk', {
      desk: ['tickets', 'newTicket', 'returns', 'followUp', 'customers', 'calculator', 'receivables', 'import'],
      service: ['schedule', 'knowledge', 'parts', 'factory', 'maintenance'],
    }],
    ['engineer', {
      service: ['myTickets', 'tickets', 'returns', 'customers', 'calculator', 'schedule', 'knowledge', 'parts', 'factory', 'maintenance'],
    }],
    ['supervisor', {
      desk: ['tickets', 'newTicket', 'returns', 'followUp', 'customers', 'calculator', 'receivables', 'import'],
      service: ['schedule', 'knowledge', 'parts', 'factory', 'maintenance'],
      manage: ['overdue', 'statistics', 'lowStock', 'models', 'outbox'],
    }],
    ['admin', {
      desk: ['tickets', 'newTicket', 'returns', 'followUp', 'customers', 'calculator', 'receivables', 'import'],
      service: ['schedule', 'knowledge', 'parts', 'factory', 'maintenance'],
      manage: ['overdue', 'statistics', 'lowStock', 'models', 'outbox'],
      system: ['settings', 'messaging', 'users', 'feeStandard', 'backups', 'audit'],
    }],
  ] as const)('%s', (role, groups) => {
    expect(menu(role)).toEqual(groups);
    expect(navFor(role).map((g) => g.group)).toEqual(Object.keys(groups));
  });
});

describe('the entry a path belongs to', () => {
  it.each([
    ['/tickets', 'tickets', true],
    ['/tickets/42', 'tickets', true],
    ['/tickets/new', 'tickets', false],
    ['/tickets/new', 'newTicket', true],
    ['/returns/7', 'returns', true],
    ['/customers/3', 'customers', true],
    ['/devices/9', 'customers', true],
    ['/parts/low', 'parts', false],
    ['/parts/low', 'lowStock', true],
    ['/knowledge/5/edit', 'knowledge', true],
    ['/models', 'models', true],
    ['/admin/audit', 'backups', false],
  ] as [string, NavId, boolean][])('%s → %s: %s', (path, id, active) => expect(navActive(id, path)).toBe(active));
});
