/** Which service function answers each contract method. The type makes a missing handler a compile error. */
import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/api/contract';
import { actor, type CallContext } from './context';
import * as auth from './services/auth.service';
import * as users from './services/users.service';
import { updateSettings } from './services/settings.service';
import { acceptOfficial, officialYears } from './services/official-holidays.service';
import * as customers from './services/customers.service';
import * as models from './services/models.service';
import * as devices from './services/devices.service';
import * as masterData from './services/master-data.query';
import { createTicket, updateTicket } from './services/tickets.service';
import { getTicket, listTickets } from './services/tickets.query';
import { calledAgain, relatedTickets } from './services/related.service';
import { customerHistory } from './services/history.query';
import { loadDemo } from './services/demo.service';
import { backupHealth, backupList, backupNow, backupPreview, backupRestore } from './backup/backups.service';
import { listAudit } from './services/audit.query';
import { quality, statistics, trend, workbook } from './reports/reports.service';
import { exportReceivables, exportReturns, exportTickets } from './reports/list-exports';
import { previewImport, runImport } from './imports/imports.service';
import { moveTicket } from './services/lifecycle.service';
import * as actions from './services/ticket-actions.service';
import * as service from './services/service-record.service';
import { correctLabour, logLabour } from './services/labour.service';
import * as sanbao from './services/sanbao.service';
import { recordFollowUpAttempt } from './services/follow-up.service';
import * as schedule from './services/schedule.service';
import * as returns from './services/returns.service';
import * as returnsQuery from './services/returns.query';
import * as slips from './printing/slips.service';
import * as standards from './services/fees/standards.service';
import * as quotes from './services/fees/quotes.service';
import * as bills from './services/fees/bills.service';
import { listReceivables, receivableBills } from './services/fees/receivables.service';
import * as knowledge from './services/knowledge.service';
import * as knowledgeQuery from './services/knowledge.query';
import * as parts from './services/parts.service';
import * as maintenance from './services/maintenance.service';
import * as messaging from './messaging/messaging.service';
import * as loaners from './services/loaners.service';
import * as defective from './services/defective.service';
import * as factory from './services/factory-returns.service';
import * as lan from './services/lan.service';
import * as desk from './services/desk.service';

export type Handlers = { [M in MethodName]: (ctx: CallContext, input: ParsedInputOf<M>) => Promise<OutputOf<M>> };

export const handlers: Handlers = {
  'auth.status': (ctx) => auth.status(ctx),
  'auth.setup': auth.setup,
  'auth.login': auth.login,
  'auth.logout': (ctx) => auth.logout(ctx),
  'auth.changePassword': auth.changePassword,
  'host.pair': lan.pair,
  'host.info': (ctx) => lan.info(ctx),
  'host.update': lan.update,
  'host.newPairingCode': (ctx) => lan.newPairingCode(ctx),
  'host.revokeDesk': lan.revokeDesk,
  'desk.choice': () => desk.choice(),
  'desk.chooseLocal': (ctx) => desk.alreadyChosen(ctx),
  'desk.chooseHost': (ctx) => desk.alreadyChosen(ctx),
  'desk.undoPairing': () => desk.nothingToUndo(),
  'presence.set': lan.setPresence,
  'presence.get': lan.getPresence,
  'users.list': (ctx) => users.listUsers(ctx),
  'users.directory': (ctx) => users.directory(ctx),
  'users.create': users.createUser,
  'users.update': users.updateUser,
  'users.resetPassword': users.resetPassword,
  'settings.get': (ctx) => ctx.settings.get(),
  'settings.update': updateSettings,
  'calendar.official': officialYears,
  'calendar.acceptOfficial': acceptOfficial,
  'customers.search': customers.searchCustomers,
  'customers.get': (ctx, input) => customers.getCustomer(ctx, input.id),
  'customers.create': customers.createCustomer,
  'customers.update': customers.updateCustomer,
  'customers.profile': (ctx, input) => masterData.customerProfile(ctx, input.id),
  'models.list': (ctx) => models.listModels(ctx),
  'models.create': models.createModel,
  'models.update': models.updateModel,
  'devices.search': devices.searchDevices,
  'devices.get': (ctx, input) => devices.getDevice(ctx, input.id),
  'devices.create': devices.createDevice,
  'devices.update': devices.updateDevice,
  'devices.profile': (ctx, input) => masterData.deviceProfile(ctx, input.id),
  'devices.correctWarranty': devices.correctWarranty,
  'tickets.create': createTicket,
  'tickets.list': listTickets,
  'tickets.get': getTicket,
  'tickets.update': updateTicket,
  'tickets.related': relatedTickets,
  'tickets.calledAgain': calledAgain,
  'tickets.history': customerHistory,
  'tickets.move': moveTicket,
  'tickets.consent': actions.recordConsent,
  'tickets.pause': actions.pauseClock,
  'tickets.resume': actions.resumeClock,
  'tickets.escalate': actions.escalate,
  'tickets.contact': actions.recordContact,
  'tickets.note': actions.addNote,
  'tickets.recordService': service.recordService,
  'tickets.logLabour': logLabour,
  'tickets.correctLabour': correctLabour,
  'sanbao.assess': sanbao.assess,
  'sanbao.decide': sanbao.decide,
  'sanbao.exchange': sanbao.exchange,
  'tickets.followUpAttempt': recordFollowUpAttempt,
  'tickets.attach': service.attach,
  'attachments.get': service.getAttachment,
  'schedule.list': schedule.listSchedule,
  'schedule.book': schedule.book,
  'schedule.cancel': schedule.unbook,
  'users.engineers': (ctx) => users.engineers(ctx),
  'reports.statistics': statistics,
  'reports.monthlyWorkbook': workbook,
  'reports.quality': quality,
  'loaners.list': loaners.listLoaners,
  'loaners.create': loaners.createLoaner,
  'loaners.lend': loaners.lend,
  'loaners.giveBack': loaners.giveBack,
  'loaners.ofTicket': loaners.ticketLoans,
  'defective.list': defective.listDefective,
  'defective.receive': defective.receiveByHand,
  'defective.scrap': defective.scrapDefective,
  'factoryReturns.list': factory.listFactoryReturns,
  'factoryReturns.get': factory.getFactoryReturn,
  'factoryReturns.create': factory.createFactoryReturn,
  'factoryReturns.addLine': factory.addFactoryReturnLine,
  'factoryReturns.move': factory.moveFactoryReturn,
  'factoryReturns.outstanding': (ctx) => factory.outstandingBySupplier(ctx),
  'reports.trend': trend,
  'tickets.export': exportTickets,
  'returns.export': exportReturns,
  'receivables.export': exportReceivables,
  'imports.preview': previewImport,
  'imports.run': runImport,
  'fees.standard.get': standards.getStandards,
  'fees.standard.publish': standards.publishStandard,
  'fees.calculate': standards.preview,
  'quotes.create': quotes.createQuote,
  'quotes.get': quotes.ticketFees,
  'quotes.consent': quotes.consentQuote,
  'bills.create': bills.createBill,
  'bills.consent': bills.consentBill,
  'bills.approveDiscount': bills.approveDiscount,
  'payments.record': bills.recordPayment,
  'payments.acknowledgeBalance': bills.acknowledgeBalance,
  'receivables.list': listReceivables,
  'receivables.bills': receivableBills,
  'returns.checklist': returnsQuery.checklist,
  'returns.checkIn': returns.checkIn,
  'returns.list': returnsQuery.listReturns,
  'returns.get': returnsQuery.getReturn,
  'returns.move': returns.moveReturn,
  'returns.inform': returns.informCustomer,
  'returns.note': returns.addReturnNote,
  'returns.handBack': returns.handBack,
  'slips.render': slips.renderSlip,
  'slips.printed': slips.slipPrinted,
  'knowledge.search': knowledgeQuery.searchArticles,
  'knowledge.get': knowledge.getArticle,
  'knowledge.create': knowledge.createArticle,
  'knowledge.update': knowledge.updateArticle,
  'knowledge.move': knowledge.moveArticle,
  'knowledge.helped': knowledge.markHelped,
  'knowledge.fromTicket': knowledge.articleFromTicket,
  'knowledge.suggest': knowledgeQuery.suggestArticles,
  'knowledge.attachToTicket': knowledge.attachToTicket,
  'knowledge.linked': knowledgeQuery.linkedArticles,
  'parts.list': parts.listParts,
  'parts.get': parts.getPart,
  'parts.create': parts.createPart,
  'parts.update': parts.updatePart,
  'stock.move': parts.move,
  'stock.movements': parts.movements,
  'stock.low': (ctx) => parts.lowStock(ctx),
  'maintenance.plans.list': maintenance.listPlans,
  'maintenance.plans.get': maintenance.getPlan,
  'maintenance.plans.create': maintenance.createPlan,
  'maintenance.plans.update': maintenance.updatePlan,
  'maintenance.checklist.save': maintenance.saveChecklist,
  'maintenance.generate': (ctx) => maintenance.generateDue(ctx),
  'backups.list': (ctx) => backupList(ctx),
  'backups.health': (ctx) => backupHealth(ctx),
  'backups.create': backupNow,
  'backups.preview': backupPreview,
  'backups.restore': backupRestore,
  'audit.list': listAudit,
  'demo.load': (ctx) => loadDemo(ctx, actor(ctx), ctx.client.locale),
  'messaging.settings.get': (ctx) => messaging.messagingView(ctx),
  'messaging.settings.update': messaging.updateMessaging,
  'messaging.preview': messaging.previewMessage,
  'messaging.wecom.test': messaging.testRobot,
  'messaging.consent.get': messaging.consentOf,
  'messaging.consent.set': messaging.setConsent,
  'outbox.list': messaging.listOutbox,
  'outbox.resend': messaging.resendMessage,
  'outbox.cancel': messaging.cancelMessage,
  'outbox.ofTicket': messaging.ticketMessages,
};
