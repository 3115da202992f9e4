/**
 * The navigation, grouped by task (前台 / 维修 / 管理 / 系统): which screens each role sees, in which group,
 * and which screen a path belongs to. A role sees only the groups it has screens in.
 */
import type { Role } from './roles';

export const NAV_GROUPS = ['desk', 'service', 'manage', 'system'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export type NavId =
  | 'tickets' | 'newTicket' | 'returns' | 'followUp' | 'customers' | 'calculator' | 'receivables' | 'import'
  | 'myTickets' | 'schedule' | 'knowledge' | 'parts' | 'factory' | 'maintenance'
  | 'overdue' | 'statistics' | 'lowStock' | 'models' | 'outbox'
  | 'settings' | 'messaging' | 'users' | 'feeStandard' | 'backups' | 'audit';

export interface NavEntry {
  id: NavId;
  to: string;
  group: NavGroup;
}

const ALL: readonly Role[] = ['clerk', 'engineer', 'supervisor', 'admin'];
const DESK: readonly Role[] = ['clerk', 'supervisor', 'admin'];
const STAFF: readonly Role[] = ['supervisor', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

/** In menu order. `match` says which paths light the entry up (default: exactly `to`). */
const ENTRIES: { id: NavId; to: string; group: NavGroup; roles: readonly Role[]; match?: (path: string) => boolean }[] = [
  { id: 'tickets', to: '/tickets', group: 'desk', roles: ALL, match: (p) => p === '/tickets' || /^\/tickets\/\d/.test(p) },
  { id: 'newTicket', to: '/tickets/new', group: 'desk', roles: DESK },
  { id: 'returns', to: '/returns', group: 'desk', roles: ALL, match: (p) => p.startsWith('/returns') },
  { id: 'followUp', to: '/queue/follow-up', group: 'desk', roles: DESK },
  { id: 'customers', to: '/customers', group: 'desk', roles: ALL, match: (p) => p.startsWith('/customers') || p.startsWith('/devices') },
  { id: 'calculator', to: '/fees/calculator', group: 'desk', roles: ALL },
  { id: 'receivables', to: '/fees/receivables', group: 'desk', roles: DESK },
  { id: 'import', to: '/import', group: 'desk', roles: DESK },
  { id: 'myTickets', to: '/queue/mine', group: 'service', roles: ['engineer'] },
  { id: 'schedule', to: '/schedule', group: 'service', roles: ALL },
  { id: 'knowledge', to: '/knowledge', group: 'service', roles: ALL, match: (p) => p.startsWith('/knowledge') },
  { id: 'parts', to: '/parts', group: 'service', roles: ALL },
  { id: 'factory', to: '/factory', group: 'service', roles: ALL, match: (p) => p.startsWith('/factory') },
  { id: 'maintenance', to: '/maintenance', group: 'service', roles: ALL, match: (p) => p.startsWith('/maintenance') },
  { id: 'overdue', to: '/queue/overdue', group: 'manage', roles: STAFF },
  { id: 'statistics', to: '/statistics', group: 'manage', roles: STAFF },
  { id: 'lowStock', to: '/parts/low', group: 'manage', roles: STAFF },
  { id: 'models', to: '/models', group: 'manage', roles: STAFF },
  { id: 'outbox', to: '/outbox', group: 'manage', roles: STAFF },
  { id: 'settings', to: '/settings', group: 'system', roles: ADMIN },
  { id: 'messaging', to: '/settings/messages', group: 'system', roles: ADMIN },
  { id: 'users', to: '/users', group: 'system', roles: ADMIN },
  { id: 'feeStandard', to: '/fees/standard', group: 'system', roles: ADMIN },
  { id: 'backups', to: '/admin/backups', group: 'system', roles: ADMIN },
  { id: 'audit', to: '/admin/audit', group: 'system', roles: ADMIN },
];

/**
 * The role's menu, group by group (empty groups left out). An engineer works from the service group: the
 * few desk screens they use (the ticket list, the register, customers, the calculator) sit there, after 我的工单.
 */
export function navFor(role: Role): { group: NavGroup; entries: NavEntry[] }[] {
  const mine = ENTRIES.filter((e) => e.roles.includes(role)).map(({ id, to, group }) => ({ id, to, group: role === 'engineer' && group === 'desk' ? 'service' : group }));
  const ordered = role === 'engineer' ? [...mine.filter((e) => e.id === 'myTickets'), ...mine.filter((e) => e.id !== 'myTickets')] : mine;
  return NAV_GROUPS.map((group) => ({ group, entries: ordered.filter((e) => e.group === group) })).filter((g) => g.entries.length > 0);
}

/** Whether the menu entry `id` is the screen at `path`. */
export function navActive(id: NavId, path: string): boolean {
  const entry = ENTRIES.find((e) => e.id === id);
  if (!entry) return false;
  return entry.match ? entry.match(path) : path === entry.to;
}
