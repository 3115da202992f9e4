/** The desktop app's print bridge (hidden print window, printToPDF), or null in browser mode. */
import type { PrintAnswer, PrintOp } from '../../../../shared/api/channels';

type DesktopPrint = (request: PrintOp, locale: string) => Promise<PrintAnswer>;

const bridge = typeof window !== 'undefined' ? window.aftercare : undefined;

export const desktopPrint: DesktopPrint | null = bridge?.print ? (request, locale) => bridge.print!(request, locale) : null;
