/** The printer remembered per document type, in `printers.json` beside the database (per PC, not per desk). */
import fs from 'node:fs';
import path from 'node:path';
import { parsePrinterChoices, type PrinterChoices } from '../policy/print-job';
import type { ChoiceStore } from './print-ipc';

export function printerStore(dataDir: string): ChoiceStore {
  const file = path.join(dataDir, 'printers.json');
  return {
    read() {
      try {
        return parsePrinterChoices(fs.readFileSync(file, 'utf8'));
      } catch {
        return {};
      }
    },
    write(choices: PrinterChoices) {
      // Written aside and renamed, so a crash never leaves half a file.
      const temp = `${file}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(choices, null, 2));
      fs.renameSync(temp, file);
    },
  };
}
