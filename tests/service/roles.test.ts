/** The role matrix: who may call what. The expected table is written out here, not read from the contract. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/api/contract';
import { openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';

type Who = 'anonymous' | 'clerk' | 'engineer' | 'supervisor' | 'admin';
const ALL: Who[] = ['anonymous', 'clerk', 'engineer', 'supervisor', 'admin'];
const SIGNED: Who[] = ['clerk', 'engineer', 'supervisor', 'admin'];
const DESK: Who[] = ['clerk', 'supervisor', 'admin'];

const EXPECTED: Record<MethodName, Who[]> = {
  'auth.status': ALL,
  'auth.setup': ALL,
  'auth.login': ALL,
  'auth.logout': SIGNED,
  'auth.changePassword': SIGNED,
  'host.pair': ALL,
  'host.info': ['admin'],
  'host.update': ['admin'],
  'host.newPairingCode': ['admin'],
  'host.revokeDesk': ['admin'],
  'desk.choice': ALL,
  'desk.chooseLocal': ALL,
  'desk.chooseHost': ALL,
  'desk.undoPairing': ALL,
  'presence.set': SIGNED,
  'presence.get': SIGNED,
  'users.list': ['admin'],
  'users.directory': SIGNED,
  'users.create': ['admin'],
  'users.update': ['admin'],
  'users.resetPassword': ['admin'],
  'settings.get': SIGNED,
  'settings.update': ['admin'],
  'calendar.official': SIGNED,
  'calendar.acceptOfficial': ['admin'],
  'customers.search': SIGNED,
  'customers.get': SIGNED,
  'customers.create': DESK,
  'customers.update': DESK,
  'customers.profile': SIGNED,
  'models.list': SIGNED,
  'models.create': ['supervisor', 'admin'],
  'models.update': ['supervisor', 'admin'],
  'devices.search': SIGNED,
  'devices.get': SIGNED,
  'devices.create': DESK,
  'devices.update': DESK,
  'devices.profile': SIGNED,
  'devices.correctWarranty': ['supervisor', 'admin'],
  'tickets.create': DESK,
  'tickets.list': SIGNED,
  'tickets.get': SIGNED,
  'tickets.update': DESK,
  'tickets.related': DESK,
  'tickets.calledAgain': DESK,
  'tickets.history': SIGNED,
  'tickets.move': SIGNED,
  'tickets.consent': SIGNED,
  'tickets.pause': SIGNED,
  'tickets.resume': SIGNED,
  'tickets.escalate': ['engineer', 'supervisor', 'admin'],
  'tickets.contact': SIGNED,
  'tickets.note': SIGNED,
  'tickets.recordService': ['engineer', 'supervisor', 'admin'],
  'tickets.logLabour': ['engineer', 'supervisor', 'admin'],
  'tickets.correctLabour': ['engineer', 'supervisor', 'admin'],
  'sanbao.assess': SIGNED,
  'sanbao.decide': SIGNED,
  'sanbao.exchange': DESK,
  'tickets.followUpAttempt': ['clerk', 'supervisor', 'admin'],
  'tickets.attach': SIGNED,
  'attachments.get': SIGNED,
  'schedule.list': SIGNED,
  'schedule.book': ['engineer', 'supervisor', 'admin'],
  'schedule.cancel': ['engineer', 'supervisor', 'admin'],
  'users.engineers': ['supervisor', 'admin'],
  'reports.statistics': ['supervisor', 'admin'],
  'reports.monthlyWorkbook': ['supervisor', 'admin'],
  'reports.trend': ['supervisor', 'admin'],
  'tickets.export': SIGNED,
  'returns.export': SIGNED,
  'receivables.export': DESK,
  'imports.preview': DESK,
  'imports.run': DESK,
  'fees.standard.get': SIGNED,
  'fees.standard.publish': ['admin'],
  'fees.calculate': SIGNED,
  'quotes.create': DESK,
  'quotes.get': SIGNED,
  'quotes.consent': DESK,
  'bills.create': DESK,
  'bills.consent': DESK,
  'bills.approveDiscount': ['supervisor', 'admin'],
  'payments.record': DESK,
  'payments.acknowledgeBalance': DESK,
  'receivables.list': DESK,
  'receivables.bills': DESK,
  'returns.checklist': SIGNED,
  'returns.checkIn': SIGNED,
  'returns.list': SIGNED,
  'returns.get': SIGNED,
  'returns.move': SIGNED,
  'returns.inform': SIGNED,
  'returns.note': SIGNED,
  'returns.handBack': SIGNED,
  'slips.render': SIGNED,
  'slips.printed': SIGNED,
  'knowledge.search': SIGNED,
  'knowledge.get': SIGNED,
  'knowledge.create': ['engineer', 'supervisor', 'admin'],
  'knowledge.update': ['engineer', 'supervisor', 'admin'],
  'knowledge.move': ['engineer', 'supervisor', 'admin'],
  'knowledge.helped': SIGNED,
  'knowledge.fromTicket': ['engineer', 'supervisor', 'admin'],
  'knowledge.suggest': SIGNED,
  'knowledge.attachToTicket': SIGNED,
  'knowledge.linked': SIGNED,
  'parts.list': SIGNED,
  'parts.get': SIGNED,
  'parts.create': ['supervisor', 'admin'],
  'parts.update': ['supervisor', 'admin'],
  'stock.move': ['engineer', 'supervisor', 'admin'],
  'stock.movements': SIGNED,
  'stock.low': SIGNED,
  'loaners.list': SIGNED,
  'loaners.create': ['supervisor', 'admin'],
  'loaners.lend': DESK,
  'loaners.giveBack': DESK,
  'loaners.ofTicket': SIGNED,
  'defective.list': SIGNED,
  'defective.receive': SIGNED,
  'defective.scrap': ['supervisor', 'admin'],
  'factoryReturns.list': SIGNED,
  'factoryReturns.get': SIGNED,
  'factoryReturns.create': DESK,
  'factoryReturns.addLine': DESK,
  'factoryReturns.move': DESK,
  'factoryReturns.outstanding': SIGNED,
  'reports.quality': ['supervisor', 'admin'],
  'maintenance.plans.list': SIGNED,
  'maintenance.plans.get': SIGNED,
  'maintenance.plans.create': ['supervisor', 'admin'],
  'maintenance.plans.update': ['supervisor', 'admin'],
  'maintenance.checklist.save': ['engineer', 'supervisor', 'admin'],
  'maintenance.generate': ['admin'],
  'backups.list': ['admin'],
  'backups.health': ['admin'],
  'backups.create': ['admin'],
  'backups.preview': ['admin'],
  'backups.restore': ['admin'],
  'audit.list': ['admin'],
  'demo.load': ['admin'],
  'messaging.settings.get': ['admin'],
  'messaging.settings.update': ['admin'],
  'messaging.preview': ['admin'],
  'messaging.wecom.test': ['admin'],
  'messaging.consent.get': DESK,
  'messaging.consent.set': DESK,
  'outbox.list': ['supervisor', 'admin'],
  'outbox.resend': ['supervisor', 'admin'],
  'outbox.cancel': ['supervisor', 'admin'],
  'outbox.ofTicket': SIGNED,
};

let h: Harness;
let clients: Record<Who, Client>;

beforeAll(async () => {
  h = await openHarness();
  clients = { anonymous: h.client(), ...(await h.signedIn()) };
});
afterAll(() => h.close());

describe('role matrix enforced by the dispatcher', () => {
  it('covers every method of the contract', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(contract).sort());
  });

  const cases = Object.entries(EXPECTED).flatMap(([method, allowed]) =>
    ALL.map((who) => [method as MethodName, who, allowed.includes(who)] as const),
  );

  it.each(cases)('%s as %s allowed: %s', async (method, who, allowed) => {
    // An unknown field makes every schema refuse the input, so an allowed call stops at validation and changes nothing.
    const result = await h.core.dispatch(method, { probe: true }, clients[who]);
    expect(result.ok).toBe(false);
    const code = result.ok ? null : result.error.code;
    if (allowed) expect(code).toBe('VALIDATION');
    else expect(code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  });

  it('an unknown method is refused as such', async () => {
    const r = await h.core.dispatch('tickets.drop', {}, clients.admin);
    expect(r.ok === false && r.error.code).toBe('UNKNOWN_METHOD');
  });
});
