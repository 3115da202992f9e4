/**
 * The one API contract: every method the UI (or another program, over HTTP) may call, with its input
 * schema, who may call it, and its output type. Both transports and the core's dispatcher read it.
 */
import type { z } from 'zod';
import type { Role } from '../domain/roles';
import type { AuthStatus, EngineerLoad, SessionUser, UserRow } from '../domain/user';
import type { Settings } from '../domain/settings';
import type { Customer, CustomerHit, CustomerProfile, Device, DeviceHit, DeviceProfile, ProductModel } from '../domain/party';
import type { Booking, TicketDetail, TicketRow, TicketStatus } from '../domain/ticket';
import type { PeriodStats } from '../domain/statistics';
import type { CustomerHistory, RelatedTicket } from '../domain/related';
import * as auth from './auth.schema';
import * as md from './master-data.schema';
import * as tk from './tickets.schema';
import * as lc from './lifecycle.schema';
import * as sc from './schedule.schema';
import * as lb from './labour.schema';
import * as sb from './sanbao.schema';
import type { SanbaoAssessment } from '../domain/sanbao';
import * as fe from './fees.schema';
import type { Bill, FeePreview, FeeStandard, FeeStandards, Quote, ReceivableBill, ReceivableRow, TicketFees } from '../domain/fee-records';
import * as rp from './reports.schema';
import * as rt from './returns.schema';
import * as im from './imports.schema';
import type { ImportPreview } from '../domain/imports';
import type { ReturnDetail, ReturnRow, ReturnState } from '../domain/returns';
import type { TicketCarried } from '../domain/return-ticket';
import type { RenderedSlip } from '../domain/printing';
import type { AuditEntry, BackupInfo, BackupList, BackupPreview, DatabaseHealth, RestoreResult } from '../domain/data-safety';
import * as ds from './data-safety.schema';
import * as kb from './knowledge.schema';
import type { ArticleDetail, ArticleHit, ArticleState, LinkedArticle } from '../domain/knowledge';
import * as pt from './parts.schema';
import * as mt from './maintenance.schema';
import * as cal from './calendar.schema';
import type { OfficialYear } from '../domain/official-calendar';
import type { Part, StockMovement } from '../domain/parts';
import type { MaintenancePlan, MaintenancePlanDetail, MaintenanceVisit } from '../domain/maintenance';
import * as msg from './messaging.schema';
import type { ConsentState, MessagingView, OutboxRow } from '../domain/messaging';
import * as fc from './factory.schema';
import type { DefectiveItem, FactoryReturn, FactoryReturnDetail, Loan, Loaner, QualityReport, SupplierOutstanding } from '../domain/factory';
import * as lan from './lan.schema';
import type { HostInfo } from '../domain/lan';
import * as dk from './desk.schema';
import type { DeskChoiceState } from '../domain/desk-choice';

/** `public`: anyone, signed in or not; `signedIn`: any role; otherwise the listed roles. */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  /** Phantom: carries the output type only. */
  output?: O;
}

const def =
  <O>() =>
  <I extends z.ZodType>(input: I, access: Access): MethodSpec<I, O> => ({ input, access });

const DESK = ['clerk', 'supervisor', 'admin'] as const;
const STAFF = ['supervisor', 'admin'] as const;
const ADMIN = ['admin'] as const;
const WRITERS = ['engineer', 'supervisor', 'admin'] as const;

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const contract = {
  /** Who is signed in, whether the first admin account still has to be created, and on a demo desk its accounts. */
  'auth.status': def<AuthStatus>()(md.empty, 'public'),
  /** First run only: creates the admin account and signs it in. */
  'auth.setup': def<SessionUser>()(auth.setupInput, 'public'),
  /** Signs in; repeated failures lock the account for a while. */
  'auth.login': def<SessionUser>()(auth.loginInput, 'public'),
  /** Signs out of this window or browser. */
  'auth.logout': def<null>()(md.empty, 'signedIn'),
  /** Changes the signed-in user's own password. */
  'auth.changePassword': def<null>()(auth.changePasswordInput, 'signedIn'),

  /** Host mode: a desk or phone on the LAN pairs with the code the host's page shows (refused in words when wrong; limited per address). */
  'host.pair': def<{ deskName: string; fingerprint: string | null }>()(lan.pairInput, 'public'),
  /** Host mode, for the admin: the LAN switch, idle time, addresses, certificate fingerprint, pairing code and paired desks. */
  'host.info': def<HostInfo>()(md.empty, ADMIN),
  /** Switches host mode on or off (the host starts or stops its LAN listener at once) and sets the idle time that ends a session. */
  'host.update': def<HostInfo>()(lan.hostUpdateInput, ADMIN),
  /** A new pairing code; desks already paired stay paired. */
  'host.newPairingCode': def<HostInfo>()(md.empty, ADMIN),
  /** Revokes a paired desk: its next call is refused in words and its sessions end. */
  'host.revokeDesk': def<HostInfo>()(lan.revokeDeskInput, ADMIN),

  /** The desktop app's first start: whether it still asks 本机 / 连接到主机 (`ask`), or what this desk is. */
  'desk.choice': def<DeskChoiceState>()(md.empty, 'public'),
  /** First start only: this PC keeps the data; the app goes on to its first-run setup. Refused in words once chosen. */
  'desk.chooseLocal': def<DeskChoiceState>()(md.empty, 'public'),
  /** First start only: pairs with the host at the address and pins its certificate (the fingerprint, to compare with the host's page). */
  'desk.chooseHost': def<DeskChoiceState & { fingerprint: string }>()(dk.chooseHostInput, 'public'),
  /** Undoes a pairing made in this same first start (the fingerprints differ): the desk asks 本机 / 连接到主机 again. Refused in words anywhere else. */
  'desk.undoPairing': def<DeskChoiceState>()(md.empty, 'public'),

  /** Says that this window has the ticket open for editing (again every 30 s) or closed it; other desks see "正在由 X 编辑". */
  'presence.set': def<null>()(lan.presenceSetInput, 'signedIn'),
  /** Who else is editing the ticket now (names). */
  'presence.get': def<string[]>()(lan.presenceGetInput, 'signedIn'),

  /** Every account, for the admin. */
  'users.list': def<UserRow[]>()(md.empty, ADMIN),
  /** Active accounts by name, for pickers such as "received by". */
  'users.directory': def<SessionUser[]>()(md.empty, 'signedIn'),
  /** Creates an account. */
  'users.create': def<UserRow>()(auth.userCreateInput, ADMIN),
  /** Changes name, role, product lines or active flag. */
  'users.update': def<UserRow>()(auth.userUpdateInput, ADMIN),
  /** Sets a new password and lifts a lockout. */
  'users.resetPassword': def<null>()(auth.resetPasswordInput, ADMIN),

  /** Desk settings: company profile, numbering, time zone, deadlines. */
  'settings.get': def<Settings & { version: number }>()(md.empty, 'signedIn'),
  /** Saves the settings (optimistic: the version read must still be current). */
  'settings.update': def<Settings & { version: number }>()(auth.settingsUpdateInput, ADMIN),
  /** The official holiday arrangement (放假安排) of this year and later ones: the days in force, and what the app brings that is not accepted yet. */
  'calendar.official': def<OfficialYear[]>()(md.empty, 'signedIn'),
  /** Accepts the bundled arrangement of a year as shown (its digest); deadlines use it from then on. */
  'calendar.acceptOfficial': def<OfficialYear[]>()(cal.acceptOfficialInput, ADMIN),

  /** Customers whose phone starts with the digits typed, or whose name or contact contains the text. */
  'customers.search': def<CustomerHit[]>()(md.searchInput, 'signedIn'),
  /** One customer. */
  'customers.get': def<Customer>()(md.byId, 'signedIn'),
  /** Registers a customer. */
  'customers.create': def<Customer>()(md.customerFields, DESK),
  /** Corrects a customer (optimistic). */
  'customers.update': def<Customer>()(md.customerUpdateInput, DESK),
  /** The customer page: the customer, their devices with warranty at today, their newest 200 tickets and how many there are. */
  'customers.profile': def<CustomerProfile>()(md.byId, 'signedIn'),

  /** Every product model, active ones first. */
  'models.list': def<ProductModel[]>()(md.empty, 'signedIn'),
  /** Adds a product model. */
  'models.create': def<ProductModel>()(md.modelFields, STAFF),
  /** Changes a product model (optimistic). */
  'models.update': def<ProductModel>()(md.modelUpdateInput, STAFF),

  /** Devices whose serial starts with the query (a scanner types the whole serial). */
  'devices.search': def<DeviceHit[]>()(md.searchInput, 'signedIn'),
  /** One device. */
  'devices.get': def<Device>()(md.byId, 'signedIn'),
  /** Registers a device by serial. */
  'devices.create': def<Device>()(md.deviceFields, DESK),
  /** Corrects a device (optimistic); its warranty dates change only through devices.correctWarranty. */
  'devices.update': def<Device>()(md.deviceUpdateInput, DESK),
  /** The device page: the device, its model and owner, the warranty in effect today and its ticket history. */
  'devices.profile': def<DeviceProfile>()(md.byId, 'signedIn'),
  /** Corrects a device's purchase, install and warranty-end dates with a reason kept in the audit trail (optimistic). */
  'devices.correctWarranty': def<Device>()(md.warrantyCorrectionInput, STAFF),

  /** Registers a ticket: number, deadlines, warranty and timeline in one transaction. */
  'tickets.create': def<{ id: number; number: string }>()(tk.ticketCreateInput, DESK),
  /** The ticket list: search by number, phone (or its first digits, last four), serial (or its start), model code, name or fault words; filters, queues, indexed sorts; paged. */
  'tickets.list': def<Page<TicketRow>>()(tk.ticketListInput, 'signedIn'),
  /** One ticket with its timeline, by id or number. */
  'tickets.get': def<TicketDetail>()(tk.ticketGetInput, 'signedIn'),
  /** Corrects the intake fields (optimistic: a stale version is a conflict). */
  'tickets.update': def<TicketDetail>()(tk.ticketUpdateInput, DESK),
  /** Open tickets, and tickets closed in the last 30 days, with the phone, serial or device typed at intake (newest first, at most 10). */
  'tickets.related': def<RelatedTicket[]>()(tk.ticketRelatedInput, DESK),
  /** The customer called again about this ticket: a note on its timeline (allowed on a recently closed ticket too) instead of a new ticket. */
  'tickets.calledAgain': def<{ id: number }>()(tk.calledAgainInput, DESK),
  /** The customer's and the device's earlier tickets, open balance, devices in the depot and key-account flag, for one panel. */
  'tickets.history': def<CustomerHistory>()(tk.historyInput, 'signedIn'),

  /** Moves a ticket along its lifecycle (who may do which move is in shared/domain/lifecycle). */
  'tickets.move': def<{ id: number; status: TicketStatus }>()(lc.moveInput, 'signedIn'),
  /** Records the customer's consent to the plan (time, channel, drawn signature when present). */
  'tickets.consent': def<{ id: number }>()(lc.consentInput, 'signedIn'),
  /** Stops the ticket's clock while waiting for the customer or for parts. */
  'tickets.pause': def<{ id: number }>()(lc.pauseInput, 'signedIn'),
  /** Restarts the clock; deadlines move by the time it stood still. */
  'tickets.resume': def<{ id: number }>()(lc.resumeInput, 'signedIn'),
  /** Raises the support level L1 → L2 → L3, with a reason. */
  'tickets.escalate': def<{ id: number }>()(lc.escalateInput, ['engineer', 'supervisor', 'admin']),
  /** A follow-up call that did not get its answers: 未接通, or 改约 to a new time (the follow-up's due time moves there). */
  'tickets.followUpAttempt': def<{ id: number }>()(lc.followUpAttemptInput, ['clerk', 'supervisor', 'admin']),
  /** The engineer's first contact with the customer after dispatch (due within 1 hour). */
  'tickets.contact': def<{ id: number }>()(lc.contactInput, 'signedIn'),
  /** A note on the timeline; on an archived ticket, a supervisor's correction. */
  'tickets.note': def<{ id: number }>()(lc.noteInput, 'signedIn'),
  /** The engineer's service record: steps, problems met, parts used (added to the ticket's list). */
  'tickets.recordService': def<{ id: number }>()(lc.serviceRecordInput, ['engineer', 'supervisor', 'admin']),
  /** Logs an engineer's labour time for one visit (the day, start and finish, or minutes); answers the ticket's new total. */
  'tickets.logLabour': def<{ id: number; totalMinutes: number }>()(lb.logLabourInput, ['engineer', 'supervisor', 'admin']),
  /** Corrects a logged visit (the engineer their own, staff any) while the ticket takes labour; audited; answers the ticket's new total. */
  'tickets.correctLabour': def<{ id: number; totalMinutes: number }>()(lb.correctLabourInput, ['engineer', 'supervisor', 'admin']),
  /** The 三包 right that applies to a ticket and why (the rule's words), the earlier repairs of the same fault counted, the decision recorded and the exchange or return done. */
  'sanbao.assess': def<SanbaoAssessment>()(sb.assessInput, 'signedIn'),
  /** Records the 三包 right chosen on the timeline; one the rules do not offer is a supervisor's override with a reason. */
  'sanbao.decide': def<SanbaoAssessment>()(sb.decideInput, 'signedIn'),
  /** Exchanges (the new serial becomes the customer's device, its 三包 period from today) or takes back the unit as decided. */
  'sanbao.exchange': def<SanbaoAssessment>()(sb.exchangeInput, DESK),
  /** Attaches a photo or file (≤ 8 MB) to a ticket; kept in the data folder. */
  'tickets.attach': def<{ id: number }>()(lc.attachInput, 'signedIn'),
  /** The content of an attachment (signature, photo, file). */
  'attachments.get': def<{ fileName: string; mime: string; dataBase64: string }>()(lc.attachmentGetInput, 'signedIn'),
  /** Bookings of the engineer schedule between two dates (at most 6 weeks), for one engineer or all. */
  'schedule.list': def<Booking[]>()(sc.scheduleListInput, 'signedIn'),
  /** Books an engineer (engineers book themselves); refuses a double booking. */
  'schedule.book': def<{ id: number }>()(sc.bookInput, ['engineer', 'supervisor', 'admin']),
  /** Cancels a booking (kept, marked cancelled). */
  'schedule.cancel': def<{ id: number }>()(sc.unbookInput, ['engineer', 'supervisor', 'admin']),
  /** Engineers with their product lines and open workload, for the assign dialog. */
  'users.engineers': def<EngineerLoad[]>()(md.empty, STAFF),

  /** The period's statistics (any date range, a month by default) with the period before for comparison. */
  'reports.statistics': def<{ current: PeriodStats; previous: PeriodStats }>()(rp.periodInput, ['supervisor', 'admin']),

  /** Received and closed per month for the trend chart (two counts per month, not the full statistics). */
  'reports.trend': def<{ month: string; received: number; closed: number }[]>()(rp.trendInput, ['supervisor', 'admin']),

  /** The fee standard in effect on a date (today by default) and every published version. */
  'fees.standard.get': def<FeeStandards>()(fe.standardGetInput, 'signedIn'),
  /**
   * Publishes a new fee standard version from an effective date (today or later); old versions never change.
   * Part prices live in the parts catalogue: a non-empty `rules.parts` is refused in words.
   */
  'fees.standard.publish': def<FeeStandard>()(fe.standardPublishInput, ADMIN),
  /** The fee calculator's answer (lines, coverage, discount, tax, total, repair-or-replace) without saving. */
  'fees.calculate': def<FeePreview>()(fe.calculateInput, 'signedIn'),
  /** Saves a new quote revision for a ticket, computed by the core with the standard in effect. */
  'quotes.create': def<Quote>()(fe.quoteCreateInput, DESK),
  /** A ticket's quotes (newest first), its bill and its payments. */
  'quotes.get': def<TicketFees>()(fe.byTicket, 'signedIn'),
  /** Records the customer's consent to the latest quote (time, channel, drawn signature when present). */
  'quotes.consent': def<Quote>()(fe.quoteConsentInput, DESK),
  /** The final bill of a ticket; shows the difference from the accepted quote; a chargeable one needs the customer's consent (accepted quote or `consent`). */
  'bills.create': def<Bill>()(fe.billCreateInput, DESK),
  /** Records the customer's consent on a bill made without an accepted quote (payments wait for it). */
  'bills.consent': def<Bill>()(fe.billConsentInput, DESK),
  /** The supervisor approves a discount above the standard's share. */
  'bills.approveDiscount': def<Bill>()(fe.approveDiscountInput, STAFF),
  /** Records a payment (partial allowed, never more than the balance). */
  'payments.record': def<Bill>()(fe.paymentInput, DESK),
  /** The customer's signed acknowledgement of an unpaid balance (发票收讫回执). */
  'payments.acknowledgeBalance': def<Bill>()(fe.acknowledgeInput, DESK),
  /** Unpaid balances by customer, aged 0–30, 31–60, 61–90, over 90 days. */
  'receivables.list': def<ReceivableRow[]>()(fe.receivablesInput, DESK),
  /** The unpaid bills behind one customer's receivable, oldest first, each with its ticket. */
  'receivables.bills': def<ReceivableBill[]>()(fe.receivableBillsInput, DESK),

  /** The condition-on-receipt checklist for a model's product line (configured in settings). */
  'returns.checklist': def<string[]>()(rt.checklistInput, 'signedIn'),
  /** Takes a device into the depot for a ticket: gapless slip number (RMA…), condition, accessories, photos; the ticket goes to diagnosis. */
  'returns.checkIn': def<{ id: number; number: string; ticket: TicketCarried }>()(rt.checkInInput, 'signedIn'),
  /** The register: filters by state, days in depot, customer, model, overdue; slip number or serial prefix; paged. */
  'returns.list': def<Page<ReturnRow>>()(rt.returnListInput, 'signedIn'),
  /** One returned device with its timeline, by id or by slip number (what the barcode scanner types). */
  'returns.get': def<ReturnDetail>()(rt.returnGetInput, 'signedIn'),
  /** Moves a returned device along the register's states (rules in shared/domain/returns); the ticket follows (shared/domain/return-ticket). */
  'returns.move': def<{ id: number; state: ReturnState; ticket: TicketCarried }>()(rt.returnMoveInput, 'signedIn'),
  /** Records that the customer was told the (new) expected completion date. */
  'returns.inform': def<{ id: number }>()(rt.informInput, 'signedIn'),
  /** A note on a returned device's timeline. */
  'returns.note': def<{ id: number }>()(rt.returnNoteInput, 'signedIn'),
  /** Hands the device back: who collected it, accessories ticked back, pickup signature; closes the record and accepts a repaired device's ticket. */
  'returns.handBack': def<{ id: number; state: ReturnState; ticket: TicketCarried }>()(rt.handBackInput, 'signedIn'),
  /** A slip as HTML with print CSS (acceptance slip, device receipt, pickup receipt) on the paper chosen in settings. */
  'slips.render': def<RenderedSlip>()(rt.slipRenderInput, 'signedIn'),
  /** Counts a print of a slip; copies after the first are reprints. */
  'slips.printed': def<{ copy: number; reprint: boolean }>()(rt.slipPrintedInput, 'signedIn'),

  /** The monthly workbook (.xlsx) for a period, in the caller's language; the default file name carries the month. */
  'reports.monthlyWorkbook': def<{ fileName: string; dataBase64: string }>()(rp.periodInput, ['supervisor', 'admin']),

  /** The ticket list with its current filter, every matching row (at most 100,000), as .xlsx or CSV. */
  'tickets.export': def<{ fileName: string; dataBase64: string }>()(rp.ticketExportInput, 'signedIn'),
  /** The returned-device register with its current filter, as .xlsx or CSV. */
  'returns.export': def<{ fileName: string; dataBase64: string }>()(rp.returnExportInput, 'signedIn'),
  /** The receivables with their ageing, as .xlsx or CSV. */
  'receivables.export': def<{ fileName: string; dataBase64: string }>()(rp.receivablesExportInput, DESK),

  /** Reads a customers or devices spreadsheet (.xlsx, .xls, CSV) and says, row by row, what would be imported and what is wrong. */
  'imports.preview': def<ImportPreview>()(im.importInput, DESK),
  /** Imports the file: every row in one transaction, or nothing when any row has a problem. */
  'imports.run': def<{ imported: number }>()(im.importInput, DESK),

  /** The backups kept (daily, monthly, quit, manual, safety copies), newest first, each with its size, and their total on disk. */
  'backups.list': def<BackupList>()(md.empty, ADMIN),
  /** The background check of the whole database after the start: damaged → the admin's banner. */
  'backups.health': def<DatabaseHealth>()(md.empty, ADMIN),
  /** Takes a backup now (the backup worker's snapshot, checked, attachments beside it), into the backups or as a whole file into a named folder. */
  'backups.create': def<BackupInfo>()(auth.backupCreateInput, ADMIN),
  /** What a backup file holds (counts, newest ticket, schema, integrity, size), read before a restore. */
  'backups.preview': def<BackupPreview>()(ds.backupFileInput, ADMIN),
  /** Replaces the database (and adds the attachments) with a backup after a safety copy; signs everyone out. */
  'backups.restore': def<RestoreResult>()(ds.backupFileInput, ADMIN),

  /** The audit trail filtered by user, record, action, date and changed text; newest first, paged. */
  'audit.list': def<Page<AuditEntry>>()(ds.auditListInput, ADMIN),
  /** Knowledge articles matching a query (Chinese words of 1+ characters, phrases, model codes), best first, with words to highlight; published only unless asked. */
  'knowledge.search': def<ArticleHit[]>()(kb.searchInput, 'signedIn'),
  /** One article with its history and the caller's moves; opening it counts a view. */
  'knowledge.get': def<ArticleDetail>()(kb.articleGetInput, 'signedIn'),
  /** Writes a new draft article. */
  'knowledge.create': def<ArticleDetail>()(kb.articleFields, WRITERS),
  /** Saves a draft (optimistic), or starts a revision of a published article (the published text stays until the revision is approved). */
  'knowledge.update': def<ArticleDetail>()(kb.articleUpdateInput, WRITERS),
  /** Review moves: submit, approve, sendBack (comment required), archive (rules in shared/domain/knowledge). */
  'knowledge.move': def<{ id: number; state: ArticleState }>()(kb.articleMoveInput, WRITERS),
  /** Marks (or unmarks) "this helped": one mark per user per article. */
  'knowledge.helped': def<{ helpedCount: number; helpedByMe: boolean }>()(kb.helpedInput, 'signedIn'),
  /** A draft article prefilled from a resolved ticket's fault, diagnosis, root cause, plan and service record. */
  'knowledge.fromTicket': def<ArticleDetail>()(kb.fromTicketInput, WRITERS),
  /** The few published articles that best match a fault description being typed (and its product model). */
  'knowledge.suggest': def<ArticleHit[]>()(kb.suggestInput, 'signedIn'),
  /** Puts a published article's self-check steps on a ticket's timeline and records the link. */
  'knowledge.attachToTicket': def<{ id: number }>()(kb.attachToTicketInput, 'signedIn'),
  /** The articles linked to a ticket, with the self-check steps attached. */
  'knowledge.linked': def<LinkedArticle[]>()(kb.byTicket, 'signedIn'),
  /** The parts catalogue: part number prefix (a scanner types it) or name/model words; low-stock filter. */
  'parts.list': def<Part[]>()(pt.partListInput, 'signedIn'),
  /** One catalogue part, by id or by part number. */
  'parts.get': def<Part>()(pt.partGetInput, 'signedIn'),
  /** Adds a part to the catalogue (stock starts at 0: receive it). */
  'parts.create': def<Part>()(pt.partFields, STAFF),
  /** Changes a catalogue part (optimistic); stock on hand changes only through movements. */
  'parts.update': def<Part>()(pt.partUpdateInput, STAFF),
  /** Receives, returns, recovers, scraps or adjusts stock (issue happens through the service record). */
  'stock.move': def<StockMovement>()(pt.stockMoveInput, ['engineer', 'supervisor', 'admin']),
  /** Stock movements of a part or a ticket, newest first. */
  'stock.movements': def<StockMovement[]>()(pt.stockMovementsInput, 'signedIn'),
  /** Active parts whose stock on hand is below their minimum. */
  'stock.low': def<Part[]>()(pt.lowStockInput, 'signedIn'),

  /** The loaner pool (备用机), each unit with its loan when lent; or only those out, or only those overdue. */
  'loaners.list': def<Loaner[]>()(fc.loanerListInput, 'signedIn'),
  /** Adds a loaner unit to the pool (serial, model, condition). */
  'loaners.create': def<{ id: number }>()(fc.loanerCreateInput, STAFF),
  /** Lends an available unit to an open ticket's customer against a deposit (fen), due back on a day; the loan slip prints for it. */
  'loaners.lend': def<Loan>()(fc.lendInput, DESK),
  /** The unit comes back: condition checked, deposit refunded or partly kept with a reason (a damaged unit leaves the pool). */
  'loaners.giveBack': def<Loan>()(fc.giveBackInput, DESK),
  /** The loans of one ticket, newest first. */
  'loaners.ofTicket': def<Loan[]>()(fc.ticketLoansInput, 'signedIn'),
  /** Defective stock (旧件 / 不良品库) on hand, newest first, with serial, ticket, fault code and batch. */
  'defective.list': def<DefectiveItem[]>()(fc.defectiveListInput, 'signedIn'),
  /** Books a defective part or unit into defective stock by hand (recovered parts enter it with the service record). */
  'defective.receive': def<DefectiveItem>()(fc.defectiveReceiveInput, 'signedIn'),
  /** Scraps defective stock (supervisor, with a reason); never below zero. */
  'defective.scrap': def<DefectiveItem>()(fc.defectiveScrapInput, STAFF),
  /** Returns to the factory or supplier (返厂单), newest first; or only those still outstanding. */
  'factoryReturns.list': def<FactoryReturn[]>()(fc.factoryReturnListInput, 'signedIn'),
  /** One 返厂单 with its lines, by id or scanned number. */
  'factoryReturns.get': def<FactoryReturnDetail>()(fc.factoryReturnGetInput, 'signedIn'),
  /** Opens a 返厂单 for one supplier, with lines taken out of defective stock. */
  'factoryReturns.create': def<FactoryReturnDetail>()(fc.factoryReturnCreateInput, DESK),
  /** Adds defective stock to a 返厂单 still open. */
  'factoryReturns.addLine': def<FactoryReturnDetail>()(fc.factoryReturnAddLineInput, DESK),
  /** send → receive → credit (amount per line), repairBack or reject (reason; goods back into defective stock). Optimistic. */
  'factoryReturns.move': def<FactoryReturnDetail>()(fc.factoryReturnMoveInput, DESK),
  /** What is still out with each supplier (open, sent, received), longest waiting first. */
  'factoryReturns.outstanding': def<SupplierOutstanding[]>()(md.empty, 'signedIn'),
  /** The month's quality report for the factory: failures by model, batch, part and fault, repeat repairs, exchanges and returns. */
  'reports.quality': def<QualityReport>()(fc.qualityReportInput, STAFF),

  /** Preventive maintenance plans, with next due date. */
  'maintenance.plans.list': def<MaintenancePlan[]>()(mt.planListInput, 'signedIn'),
  /** One plan with its history: every generated ticket and its checklist results. */
  'maintenance.plans.get': def<MaintenancePlanDetail>()(md.byId, 'signedIn'),
  /** Creates a plan (interval or fixed dates, lead days, checklist template, engineer). */
  'maintenance.plans.create': def<MaintenancePlan>()(mt.planFields, STAFF),
  /** Changes a plan (optimistic); a new schedule takes effect from today. */
  'maintenance.plans.update': def<MaintenancePlan>()(mt.planUpdateInput, STAFF),
  /** Saves the checklist results on a maintenance ticket (optimistic). */
  'maintenance.checklist.save': def<MaintenanceVisit>()(mt.checklistSaveInput, ['engineer', 'supervisor', 'admin']),
  /** Runs the generator now: tickets for every due date within lead days, missed ones included, never twice. */
  'maintenance.generate': def<{ created: number }>()(mt.generateInput, ADMIN),


  /** The messaging settings: e-mail server, which messages go out, templates (whether a password is stored, never the password). */
  'messaging.settings.get': def<MessagingView>()(md.empty, ADMIN),
  /** Saves the messaging settings (optimistic); a new e-mail password is sealed with the desk's key. */
  'messaging.settings.update': def<MessagingView>()(msg.messagingUpdateInput, ADMIN),
  /** Posts a test message to the 企业微信 robot (the webhook being entered, or the stored one); answers nothing, or the robot's refusal in words. */
  'messaging.wecom.test': def<{ sent: true }>()(msg.wecomTestInput, ADMIN),
  /** A template filled with a real ticket's facts, with the SMS length and segment count. */
  'messaging.preview': def<{ subject: string; body: string; length: number; segments: number; unknown: string[] }>()(msg.previewInput, ADMIN),
  /** The customer's opt-outs per channel, with when and by whom each was recorded. */
  'messaging.consent.get': def<ConsentState[]>()(msg.consentGetInput, DESK),
  /** Records an opt-out or opt-in for one channel; messages still queued to an opted-out channel are cancelled. */
  'messaging.consent.set': def<ConsentState[]>()(msg.consentSetInput, DESK),
  /** The outbox: waiting, failed or needing a look, or sent today. */
  'outbox.list': def<OutboxRow[]>()(msg.outboxListInput, STAFF),
  /** Puts a failed, interrupted or cancelled message back in the queue. */
  'outbox.resend': def<{ id: number }>()(msg.outboxIdInput, STAFF),
  /** Cancels a message that has not been sent. */
  'outbox.cancel': def<{ id: number }>()(msg.outboxIdInput, STAFF),
  /** The messages of one ticket (its timeline shows what was sent). */
  'outbox.ofTicket': def<OutboxRow[]>()(msg.ticketMessagesInput, 'signedIn'),

  /** Loads the demo desk (six months of work dated from the desk clock, an account per role) into a desk without tickets, in one transaction. */
  'demo.load': def<{ tickets: number }>()(md.empty, ADMIN),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Exclude<Contract[M]['output'], undefined>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
