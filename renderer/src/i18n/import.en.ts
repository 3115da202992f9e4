/** UI words of the import screen in English: the same keys as Chinese (the type makes a missing key a compile error). */
import type { ImportStrings } from './import.zh-CN';

export const importWordsEn: ImportStrings = {
  title: 'Import customers, devices, parts and product models',
  kind: { customers: 'Customers', devices: 'Devices', parts: 'Parts (supervisor)', models: 'Product models (supervisor)' },
  choose: 'Choose a file…',
  template: 'Download template',
  hint: 'Excel (.xlsx / .xls) and CSV (UTF-8, or GBK as Excel saves it on Chinese Windows), at most 10 MB and 20,000 rows. The first row holds the column names (Chinese or English). Preview first: nothing is imported while any row has a problem. Devices match their model by the model code and their owner by the customer phone.',
  rows: '{{count}} rows',
  valid: '{{count}} ready',
  invalid: '{{count}} with problems',
  ignored: 'Ignored column: {{header}}',
  row: 'Row',
  column: 'Column',
  problem: 'Problem',
  sample: 'The first rows as they will be imported',
  run: 'Import {{count}} rows',
  done: '{{count}} records imported',
};
