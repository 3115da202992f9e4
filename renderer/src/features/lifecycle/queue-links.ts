/** The navbar's queue links for a role: engineers their own tickets, supervisors overdue, the desk follow-ups. */
import type { TFunction } from 'i18next';
import { IconAlarm, IconCalendarWeek, IconPhoneCall, IconUserCheck, type Icon } from '@tabler/icons-react';
import type { Role } from '../../../../shared/domain/roles';

export interface NavItem {
  to: string;
  label: string;
  icon: Icon;
  active: boolean;
}

export function queueLinks(role: Role, pathname: string, t: TFunction): NavItem[] {
  const item = (to: string, label: string, icon: Icon): NavItem => ({ to, label: t(label), icon, active: pathname === to });
  const staff = role === 'supervisor' || role === 'admin';
  return [
    ...(role === 'engineer' ? [item('/queue/mine', 'ui.lifecycle.queue.mine', IconUserCheck)] : []),
    ...(staff ? [item('/queue/overdue', 'ui.lifecycle.queue.overdue', IconAlarm)] : []),
    ...(role !== 'engineer' ? [item('/queue/follow-up', 'ui.lifecycle.queue.followUp', IconPhoneCall)] : []),
    item('/schedule', 'ui.lifecycle.schedule.title', IconCalendarWeek),
  ];
}
