/** Printed documents: which exist, the paper each one uses, and the terms the admin writes on them. */

/** `quote` (报价单) is printed for a quote id; `paymentReceipt` (收款收据) for a payment id; `sanbaoCertificate` (换货证明 / 退货证明) for a 三包 case id. */
export const SLIP_DOCUMENTS = ['ticketAcceptance', 'returnReceipt', 'pickupReceipt', 'quote', 'paymentReceipt', 'sanbaoCertificate', 'loanSlip', 'factoryReturn'] as const;
/** `quote` (报价单) is printed for a quote id; `paymentReceipt` (收款收据) for a payment id; `loanSlip` (备用机借用单) for a loan id; `factoryReturn` (返厂单) for a factory return id. */
export type SlipDocument = (typeof SLIP_DOCUMENTS)[number];

export const PAPERS = ['A4', 'A5', '80mm', '58mm'] as const;
export type Paper = (typeof PAPERS)[number];

/** Thermal rolls: one column, any length; two copies are two prints. */
export const isRoll = (paper: Paper): boolean => paper === '80mm' || paper === '58mm';

export const SLIP_LANGUAGES = ['zh-CN', 'en'] as const;
export type SlipLanguage = (typeof SLIP_LANGUAGES)[number];

export interface PrintSettings {
  paper: Record<SlipDocument, Paper>;
  /** Terms and conditions printed on each document (plain text, line breaks kept). */
  terms: Record<SlipDocument, string>;
  /** Slips are for the customer: their language, whatever the clerk's screen shows. */
  language: SlipLanguage;
  /** The response promise printed on the acceptance slip when the ticket has no deadline text. */
  responseNote: string;
}

export const DEFAULT_PRINT_SETTINGS: PrintSettings = {
  paper: { ticketAcceptance: '80mm', returnReceipt: 'A5', pickupReceipt: 'A5', quote: 'A4', paymentReceipt: '80mm', sanbaoCertificate: 'A5', loanSlip: 'A5', factoryReturn: 'A4' },
  terms: {
    ticketAcceptance: '请妥善保管本回执，查询进度时请提供受理单号。我们将在承诺时间内与您联系。',
    returnReceipt:
      '1. 请凭本处理单（客户联）取回设备，遗失须凭有效证件办理。\n' +
      '2. 维修完成并通知后 90 天内未取回的设备，本中心不再承担保管责任。\n' +
      '3. 保修期外维修须经客户确认报价后方可进行。\n' +
      '4. 设备内的数据请自行备份，维修过程中可能丢失。',
    pickupReceipt: '本人已收到上述设备及附件，外观与功能经当面确认无误。',
    quote:
      '1. 本报价单自出具之日起 15 日内有效，按出具日生效的收费标准计算。\n' +
      '2. 保修期外维修须经客户签字（或电话、在线）确认后方可实施。\n' +
      '3. 实际费用以结算账单为准；如需增加项目，将事先征得您的同意。',
    paymentReceipt: '本收据为收款凭证，请妥善保管。如需发票，请凭本收据办理。',
    sanbaoCertificate:
      '1. 本证明依据国家“三包”规定出具，请与购机发票一并妥善保管。\n' +
      '2. 换货后的三包有效期自换货之日起重新计算，新机三包凭证以本证明为准。\n' +
      '3. 收回的原机归本中心所有，原机内的数据请在交回前自行备份。',
    loanSlip:
      '1. 备用机仅供维修期间临时使用，请于归还日期前连同附件一并归还。\n' +
      '2. 归还时当面检查外观与功能，完好无损全额退还押金；损坏或缺件按实际扣除押金。\n' +
      '3. 请勿在备用机中存放个人资料，归还前请自行清除。',
    factoryReturn: '请收货后核对明细，签字回传；索赔金额请按行注明。',
  },
  language: 'zh-CN',
  responseNote: '',
};

/** A document rendered by the core: one self-contained HTML page with its print CSS. */
export interface RenderedSlip {
  html: string;
  title: string;
  paper: Paper;
  /** Page width in mm; rolls have no fixed height (the print adapter measures the content). */
  widthMm: number;
  /** The page margin (`@page margin`) in mm, so a preview can show the printable area where the paper puts it. */
  marginMm?: number;
  copies: number;
  /** How many times this document was printed before (more than 0: the page carries the reprint mark). */
  printCount: number;
}

/** Sheet sizes in mm; rolls have a width and a height that follows the content (`null`). */
export const PAPER_SIZE_MM: Record<Paper, { width: number; height: number | null }> = {
  A4: { width: 210, height: 297 },
  A5: { width: 148, height: 210 },
  '80mm': { width: 80, height: null },
  '58mm': { width: 58, height: null },
};
