/** UI words of the import screen in Chinese. */
export const importWordsZhCN = {
  title: '导入客户、设备、备件与产品型号',
  kind: { customers: '客户', devices: '设备', parts: '备件（主管）', models: '产品型号（主管）' },
  choose: '选择文件…',
  template: '下载模板',
  hint: '支持 Excel（.xlsx / .xls）和 CSV（UTF-8 或 Excel 默认的 GBK 编码），最大 10 MB、20,000 行。第一行为列名（中文或英文）。先预览：有任何问题时不会导入任何数据。设备按“型号”列的型号编码匹配，按“客户电话”关联客户。',
  rows: '共 {{count}} 行',
  valid: '可导入 {{count}} 行',
  invalid: '有问题 {{count}} 行',
  ignored: '忽略列：{{header}}',
  row: '行号',
  column: '列',
  problem: '问题',
  sample: '将导入的前几行',
  run: '导入 {{count}} 行',
  done: '已导入 {{count}} 条记录',
};

export type ImportStrings = typeof importWordsZhCN;
