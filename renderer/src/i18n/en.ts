/** UI words in English: the same keys as zh-CN (the type makes a missing key a compile error). */
import { deskChoiceEn } from './desk-choice.en';
import { feesEn } from './fees.en';
import { labourEn } from './labour.en';
import { sanbaoEn } from './sanbao.en';
import { messagingEn } from './messaging.en';
import { factoryEn } from './factory.en';
import { lanEn } from './lan.en';
import { auditEn } from './audit.en';
import type { UiStrings } from './zh-CN';
import { printEn } from './print.en';
import { returnsEn } from './returns.en';
import { ticketListEn } from './ticket-list.en';
import { masterDataEn } from './master-data.en';
import { historyEn } from './history.en';
import { phoneEn } from './phone.en';
import { statsEn } from './stats.en';
import { importWordsEn } from './import.en';
import { setupEn } from './setup.en';
import { intakeEn } from './intake.en';
import { detailEn } from './detail.en';
import { settingsEn } from './settings.en';
import { dataSafetyEn } from './data-safety.en';
import { usersEn } from './users.en';
import { lifecycleEn } from './lifecycle.en';
import { knowledgeEn } from './knowledge.en';
import { partsEn } from './parts.en';
import { maintenanceEn } from './maintenance.en';

export const uiEn: UiStrings = {
  app: { title: 'After-sales Service Center', defaultCompany: 'After-sales Service Center', loading: 'Loading…', retry: 'Retry' },
  nav: { tickets: 'Tickets', newTicket: 'New ticket', settings: 'Settings', users: 'Users', statistics: 'Statistics', import: 'Import', backups: 'Backups', audit: 'Audit trail', knowledge: 'Knowledge base', parts: 'Spare parts', lowStock: 'Low stock', maintenance: 'Maintenance plans' },
  header: { signOut: 'Sign out', language: 'Language' },
  print: printEn,
  returns: returnsEn,
  masterData: masterDataEn,
  history: historyEn,
  phone: phoneEn,
  stats: statsEn,
  fees: feesEn,
  labour: labourEn,
  sanbao: sanbaoEn,
  messaging: messagingEn,
  factory: factoryEn,
  lan: lanEn,
  deskChoice: deskChoiceEn,
  audit: auditEn,
  language: { 'zh-CN': '中文', en: 'English' },
  export: { button: 'Export', xlsx: 'Excel workbook (.xlsx)', csv: 'CSV (opens in Excel)', failed: 'Export failed' },
  import: importWordsEn,
  common: {
    date: { format: 'Type the date as YYYY-MM-DD, e.g. 2026-11-05', formatTime: 'Type the date and time as YYYY-MM-DD HH:mm, e.g. 2026-11-05 14:30', pick: 'Pick a date' },
    leave: { title: 'Leave this page?', body: 'This page has changes that are not saved; they are lost if you leave.', stay: 'Keep editing', leave: 'Leave', discard: 'Discard and leave' },
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Edit',
    reload: 'Reload',
    yes: 'Yes',
    no: 'No',
    none: '—',
    saved: 'Saved',
    close: 'Close',
    create: 'Create',
  },
  setup: setupEn,
  login: {
    title: 'Sign in',
    username: 'User name',
    password: 'Password',
    submit: 'Sign in',
    demo: {
      title: 'Demo accounts',
      hint: 'This is demo data, with one account per role. Choose "Use" to sign in as that account and try what it can do.',
      name: 'Name / role',
      use: 'Use',
    },
  },
  tickets: {
    listTitle: 'Tickets',
    search: 'Search',
    searchPlaceholder: 'Ticket number, phone, serial, customer name or fault words (scanner OK)',
    status: 'Status',
    urgency: 'Urgency',
    problemType: 'Problem type',
    empty: 'No tickets match',
    total: '{{count}} in total',
    col: {
      number: 'Number',
      reportedAt: 'Reported at',
      customer: 'Customer',
      phone: 'Phone',
      model: 'Model',
      serial: 'Serial',
      urgency: 'Urgency',
      status: 'Status',
      fault: 'Fault',
      engineer: 'Engineer',
      deadline: 'Resolve by',
    },
    list: ticketListEn,
  },
  intake: intakeEn,
  detail: detailEn,
  settings: settingsEn,
  dataSafety: dataSafetyEn,
  users: usersEn,
  lifecycle: lifecycleEn,
  knowledge: knowledgeEn,
  parts: partsEn,
  maintenance: maintenanceEn,
};
