import { describe, expect, it } from 'vitest';
import { mapHeader, missingColumns, normalizeDate, recordOf, yuanToFen } from '../../shared/domain/imports';

describe('import: header names', () => {
  it.each([
    ['customers', ['客户名称', ' 电话 ', 'Address', '无关列'], ['name', 'phone', 'address', null]],
    ['devices', ['SN', '型号编码', '客户手机', '购买日期'], ['serial', 'model', 'customerPhone', 'purchaseDate']],
    ['parts', ['料号', '备件名称', '单价（元）', 'Min Stock'], ['partNo', 'name', 'price', 'minStock']],
    ['models', ['型号编码', '型号名称', '产品类别', '保修期（月）', '在售'], ['code', 'name', 'productLine', 'warrantyMonths', 'active']],
  ] as const)('%s: %j', (kind, header, fields) => expect(mapHeader(kind, header)).toEqual(fields));

  it('names the required columns a file lacks', () => {
    expect(missingColumns('devices', mapHeader('devices', ['序列号', '购买日期']))).toEqual(['model']);
    expect(missingColumns('customers', mapHeader('customers', ['name', 'phone']))).toEqual([]);
  });
});

describe('import: cell values', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.1', 10],
    ['¥1,234.56', 123456],
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996 in floating point
    ['12.345', '12.345'],
    ['-5', '-5'],
    ['abc', 'abc'],
  ] as const)('yuan %s → %s', (text, fen) => expect(yuanToFen(text)).toBe(fen));

  it.each([
    ['2026-3-5', '2026-03-05'],
    ['2026/03/05', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['3/5/26', '3/5/26'],
  ])('date %s → %s', (text, date) => expect(normalizeDate(text)).toBe(date));

  it('turns words into values and leaves unknown words for the schema to refuse', () => {
    const fields = mapHeader('customers', ['客户名称', '客户类型', '重点客户', '称呼']);
    expect(recordOf('customers', fields, ['华东公司', '企业', '是', '先生'])).toEqual({ name: '华东公司', kind: 'company', keyAccount: true, salutation: 'mr' });
    expect(recordOf('customers', fields, ['王强', '集团', '否', ''])).toMatchObject({ kind: '集团', keyAccount: false });
  });

  it.each([
    [['KFR-35GW', '12', '是'], { warrantyMonths: 12, active: true }],
    [['KFR-35GW', '0', ''], { warrantyMonths: 0, active: true }],
    [['KFR-35GW', '24', '停用'], { warrantyMonths: 24, active: false }],
    [['KFR-35GW', '24', 'no'], { warrantyMonths: 24, active: false }],
    [['KFR-35GW', '十二', '也许'], { warrantyMonths: '十二', active: '也许' }],
  ])('model %j → %j', (cells, values) => {
    const fields = mapHeader('models', ['型号编码', '保修月数', '启用']);
    expect(recordOf('models', fields, cells)).toEqual({ code: 'KFR-35GW', ...values });
  });
});
