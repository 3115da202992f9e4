/**
 * Importing customers, devices, spare parts and product models from a spreadsheet the desk already keeps: which header names mean which
 * field (Chinese or English), and how a cell's text becomes a value. Validation is the API's own schema,
 * applied to each row by the core, so an imported row obeys the same rules as one typed in.
 */

export const IMPORT_KINDS = ['customers', 'devices', 'parts', 'models'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Header names per field; compared trimmed and case-insensitive. The first is the template's. */
export const IMPORT_COLUMNS: Record<ImportKind, Record<string, readonly string[]>> = {
  customers: {
    name: ['客户名称', '名称', '姓名', '客户', 'name', 'customer'],
    kind: ['客户类型', '类型', 'kind', 'type'],
    salutation: ['称呼', 'salutation'],
    contactPerson: ['联系人', 'contact', 'contact person'],
    phone: ['电话', '手机', '联系电话', '手机号', 'phone', 'mobile'],
    phone2: ['备用电话', 'phone2', 'phone 2'],
    address: ['地址', 'address'],
    email: ['邮箱', '电子邮件', 'email', 'e-mail'],
    keyAccount: ['重点客户', 'key account'],
    notes: ['备注', 'notes'],
  },
  devices: {
    serial: ['序列号', 'SN', 'serial', 'serial number'],
    model: ['型号', '型号编码', 'model', 'model code'],
    customerPhone: ['客户电话', '客户手机', 'customer phone'],
    purchaseDate: ['购买日期', 'purchase date'],
    purchaseChannel: ['购买渠道', 'purchase channel'],
    installDate: ['安装日期', 'install date'],
    warrantyEnd: ['保修截止', '保修截止日期', 'warranty end'],
  },
  parts: {
    partNo: ['备件编号', '料号', '编号', 'part no', 'part number'],
    name: ['备件名称', '名称', 'name'],
    models: ['适用型号', 'models', 'compatible models'],
    price: ['单价（元）', '单价', '价格', 'price'],
    consumable: ['易损件', 'consumable'],
    serialTracked: ['序列号管理', 'serial tracked'],
    minStock: ['最低库存', 'min stock', 'minimum stock'],
    location: ['库位', 'location'],
  },
  models: {
    code: ['型号编码', '型号', '编码', 'code', 'model code'],
    name: ['型号名称', '名称', 'name'],
    productLine: ['产品线', '产品类别', '品类', 'product line', 'category'],
    warrantyMonths: ['保修月数', '保修期（月）', '保修期', 'warranty months'],
    active: ['启用', '在售', 'active'],
  },
};

export interface ImportProblem {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  /** The column's header as written in the file ('' for the row as a whole). */
  column: string;
  message: string;
}

export interface ImportPreview {
  kind: ImportKind;
  rows: number;
  valid: number;
  /** The file's headers and which field each one fills (null: ignored). */
  columns: { header: string; field: string | null }[];
  problems: ImportProblem[];
  /** The first rows as they will be imported. */
  sample: Record<string, unknown>[];
}

export const REQUIRED_COLUMNS: Record<ImportKind, readonly string[]> = {
  customers: ['name', 'phone'],
  devices: ['serial', 'model'],
  parts: ['partNo', 'name'],
  models: ['code', 'name', 'productLine', 'warrantyMonths'],
};

/** Which field each column of the header row is (null: not imported). */
export function mapHeader(kind: ImportKind, header: readonly string[]): (string | null)[] {
  const norm = (s: string) => s.trim().toLowerCase();
  return header.map((h) => {
    const name = norm(h);
    const hit = Object.entries(IMPORT_COLUMNS[kind]).find(([, aliases]) => aliases.some((a) => norm(a) === name));
    return hit ? hit[0] : null;
  });
}

/** The i18n key (under `import.field`) naming a field: a part's or a model's name is not a customer's. */
export function fieldLabel(kind: ImportKind, field: string): string {
  if (field !== 'name') return field;
  return kind === 'parts' ? 'partName' : kind === 'models' ? 'modelName' : field;
}

export function missingColumns(kind: ImportKind, fields: readonly (string | null)[]): string[] {
  return REQUIRED_COLUMNS[kind].filter((f) => !fields.includes(f));
}

const CUSTOMER_KIND: Record<string, string> = { 个人: 'individual', 企业: 'company', 公司: 'company', 单位: 'company', individual: 'individual', company: 'company' };
const SALUTATION: Record<string, string> = { 先生: 'mr', 女士: 'ms', mr: 'mr', 'mr.': 'mr', ms: 'ms', 'ms.': 'ms' };
const YES = ['是', 'y', 'yes', 'true', '1', '√'];
const NO = ['否', 'n', 'no', 'false', '0', '×', '停用'];

/** "2026/3/5", "2026.03.05", "2026-3-5" → "2026-03-05"; anything else is kept for the schema to refuse. */
export function normalizeDate(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text.trim();
}

/** "12.5" yuan → 1250 fen, by the digits (no floating point); anything else is kept for the schema to refuse. */
export function yuanToFen(text: string): number | string {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.replace(/[¥,，\s]/g, ''));
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : text;
}

/** One row's cells as the fields of a create input (before validation); unknown words pass through to be refused. */
export function recordOf(kind: ImportKind, fields: readonly (string | null)[], cells: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    if (!field) return;
    const text = (cells[i] ?? '').trim();
    if (kind === 'customers') {
      if (field === 'kind') out.kind = text ? (CUSTOMER_KIND[text.toLowerCase()] ?? text) : undefined;
      else if (field === 'salutation') out.salutation = SALUTATION[text.toLowerCase()] ?? text;
      else if (field === 'keyAccount') out.keyAccount = YES.includes(text.toLowerCase());
      else out[field] = text;
    } else if (kind === 'parts') {
      if (field === 'models') out.models = text.split(/[、,，;；/\s]+/).filter(Boolean);
      else if (field === 'price') out.priceFen = text ? yuanToFen(text) : 0;
      else if (field === 'consumable' || field === 'serialTracked') out[field] = YES.includes(text.toLowerCase());
      else if (field === 'minStock') out.minStock = /^\d+$/.test(text) ? Number(text) : text || 0;
      else out[field] = text;
    } else if (kind === 'models') {
      // A model is offered at intake unless the sheet says it is not (an empty cell keeps it active).
      if (field === 'active') out.active = text === '' || YES.includes(text.toLowerCase()) ? true : NO.includes(text.toLowerCase()) ? false : text;
      else if (field === 'warrantyMonths') out.warrantyMonths = /^\d+$/.test(text) ? Number(text) : text;
      else out[field] = text;
    } else if (field === 'purchaseDate' || field === 'installDate' || field === 'warrantyEnd') {
      out[field] = text ? normalizeDate(text) : null;
    } else {
      out[field] = text;
    }
  });
  return out;
}
