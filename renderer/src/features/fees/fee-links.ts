/** The navbar's fee links: the calculator for everyone, receivables for the desk, the fee standard for the admin. */
import type { TFunction } from 'i18next';
import { IconCalculator, IconCoinYuan, IconReceiptYuan, type Icon } from '@tabler/icons-react';
import type { Role } from '../../../../shared/domain/roles';
import type { NavItem } from '../lifecycle/queue-links';

export function feeLinks(role: Role, pathname: string, t: TFunction): NavItem[] {
  const item = (to: string, label: string, icon: Icon): NavItem => ({ to, label: t(label), icon, active: pathname === to });
  return [
    item('/fees/calculator', 'ui.fees.nav.calculator', IconCalculator),
    ...(role !== 'engineer' ? [item('/fees/receivables', 'ui.fees.nav.receivables', IconReceiptYuan)] : []),
    ...(role === 'admin' ? [item('/fees/standard', 'ui.fees.nav.standard', IconCoinYuan)] : []),
  ];
}
