/**
 * The print preview every printed document shares (acceptance slip, device receipt, pickup receipt,
 * and later quotes and payment receipts): the core renders the page (`slips.render`), the preview
 * shows it in a sandboxed iframe at the paper's size, and printing or PDF export counts the copy
 * (`slips.printed`) so the next one carries the reprint mark.
 *
 * Browser mode prints the iframe (the browser's dialog also saves PDFs); the desktop app prints
 * through main's hidden print window with a remembered printer and exports with printToPDF.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Box, Button, Center, Checkbox, Group, Loader, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PAPERS, PAPER_SIZE_MM, isRoll, type Paper, type RenderedSlip, type SlipDocument } from '../../../../shared/domain/printing';
import type { PrinterChoice, PrinterInfo } from '../../../../shared/api/channels';
import { call } from '../../api/call';
import { currentLocale } from '../../i18n/locale';
import { desktopPrint } from './desktop-print';

export interface PrintRequest {
  document: SlipDocument;
  id: number;
  /** Absent or null: the paper chosen for this document in settings. */
  paper?: Paper | null;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  request: PrintRequest;
}

const MM_PX = 96 / 25.4;

export function PrintPreviewModal({ opened, onClose, request }: Props) {
  const { t } = useTranslation();
  const [paper, setPaper] = useState<Paper | null>(request.paper ?? null);
  const [slip, setSlip] = useState<RenderedSlip | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const [tick, setTick] = useState(0);
  const [rollHeight, setRollHeight] = useState<number | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  // The browser's print() leaves the focus inside the preview's frame, where Escape and Tab do not reach the
  // dialog: once the button is ready again, the keyboard is given back to it.
  const refocus = useRef(false);
  useEffect(() => {
    if (refocus.current && busy === null) {
      refocus.current = false;
      printButton.current?.focus();
    }
  }, [busy]);
  const desktop = desktopPrint;
  const [printers, setPrinters] = useState<PrinterInfo[]>([]);
  const [choice, setChoice] = useState<PrinterChoice>({ deviceName: null, silent: false });

  const { document: doc, id } = request;
  const requestedPaper = request.paper ?? null;
  // A new request (another document or record) starts again from its own paper.
  const [shownFor, setShownFor] = useState(`${doc}#${id}#${requestedPaper}`);
  if (shownFor !== `${doc}#${id}#${requestedPaper}`) {
    setShownFor(`${doc}#${id}#${requestedPaper}`);
    setPaper(requestedPaper);
    setSlip(null);
  }

  useEffect(() => {
    if (!opened) return;
    let live = true;
    void call('slips.render', { document: doc, id, paper }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setSlip(r.value);
        setError(null);
      } else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [opened, doc, id, paper, tick]);

  useEffect(() => {
    if (!opened || !desktop) return;
    let live = true;
    void Promise.all([desktop({ op: 'printers' }, currentLocale()), desktop({ op: 'choice', document: doc }, currentLocale())]).then(([p, c]) => {
      if (!live) return;
      if (p.ok && p.printers) setPrinters(p.printers);
      if (c.ok && c.choice) setChoice(c.choice);
    });
    return () => {
      live = false;
    };
  }, [opened, desktop, doc]);

  const shownPaper = slip?.paper ?? paper ?? 'A4';

  function measure() {
    // Rolls have no fixed length: the preview grows with the content (same origin, scripts off).
    const body = frame.current?.contentDocument?.body;
    if (body && isRoll(shownPaper)) setRollHeight(Math.ceil(body.scrollHeight / MM_PX) + 2 * (slip?.marginMm ?? 0) + 2);
  }

  async function counted(via: 'printer' | 'pdf') {
    if (!slip) return;
    const r = await call('slips.printed', { document: doc, id, paper: slip.paper, via });
    if (!r.ok) return notifications.show({ color: 'red', message: r.error.message });
    if (via === 'printer') notifications.show({ message: t(r.value.reprint ? 'ui.print.reprinted' : 'ui.print.printed', { copy: r.value.copy }) });
    // Render again: the page now carries the reprint mark and the count.
    setTick((n) => n + 1);
  }

  async function print() {
    if (!slip) return;
    setBusy('print');
    try {
      if (desktop) {
        await desktop({ op: 'remember', document: doc, choice }, currentLocale());
        const r = await desktop({ op: 'print', document: doc, id, paper: slip.paper }, currentLocale());
        if (!r.ok) notifications.show({ color: 'red', message: r.error });
        else if (r.done === false) notifications.show({ message: t('ui.print.cancelled') });
        else await counted('printer');
      } else {
        const win = frame.current?.contentWindow;
        if (!win) return;
        win.focus();
        // The browser cannot tell whether its dialog printed or was cancelled; opening it counts.
        win.print();
        refocus.current = true;
        await counted('printer');
      }
    } finally {
      setBusy(null);
    }
  }

  async function pdf() {
    if (!slip || !desktop) return;
    setBusy('pdf');
    try {
      const r = await desktop({ op: 'pdf', document: doc, id, paper: slip.paper }, currentLocale());
      if (!r.ok) notifications.show({ color: 'red', message: r.error });
      else if (r.done === false) notifications.show({ message: t('ui.print.cancelled') });
      else {
        notifications.show({ message: t('ui.print.pdfSaved', { file: r.file ?? '' }) });
        await counted('pdf');
      }
    } finally {
      setBusy(null);
    }
  }

  const margin = slip?.marginMm ?? 0;
  const heightMm = isRoll(shownPaper) ? (rollHeight ?? 160) : (PAPER_SIZE_MM[shownPaper].height ?? 297);

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{t('ui.print.title')}{slip ? ` · ${slip.title}` : ''}</Text>} size={920}>
      <Stack gap="sm" data-testid="print-preview">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('ui.print.paper')}
            </Text>
            <SegmentedControl
              value={shownPaper}
              onChange={(v) => {
                setPaper(v as Paper);
                setRollHeight(null);
              }}
              data={PAPERS.map((p) => ({ value: p, label: t(`ui.print.papers.${p}`) }))}
              data-testid="print-paper"
            />
          </Stack>
          <Group gap="xs">
            {slip && (
              <Badge variant="light" color={slip.printCount > 0 ? 'orange' : 'gray'} tt="none" data-testid="print-count" data-count={slip.printCount}>
                {slip.printCount > 0 ? t('ui.print.printCount', { count: slip.printCount }) : t('ui.print.neverPrinted')}
              </Badge>
            )}
            {slip && slip.copies > 1 && (
              <Badge variant="outline" tt="none">
                {t('ui.print.copies', { count: slip.copies })}
              </Badge>
            )}
          </Group>
        </Group>
        {desktop && (
          <Group gap="sm" align="flex-end">
            <Select
              label={t('ui.print.printer')}
              data={[{ value: '', label: t('ui.print.defaultPrinter') }, ...printers.map((p) => ({ value: p.name, label: p.displayName || p.name }))]}
              value={choice.deviceName ?? ''}
              onChange={(v) => setChoice((c) => ({ ...c, deviceName: v ? v : null }))}
              allowDeselect={false}
              w={280}
            />
            {/* Silent printing needs a named printer: the system default may change under the desk's feet. */}
            <Checkbox
              label={t('ui.print.silent')}
              checked={choice.silent && choice.deviceName !== null}
              disabled={choice.deviceName === null}
              onChange={(e) => {
                const silent = e.currentTarget.checked;
                setChoice((c) => ({ ...c, silent }));
              }}
              mb={6}
            />
          </Group>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Box bg="gray.2" p="md" style={{ overflow: 'auto', maxHeight: '62vh', borderRadius: 4 }}>
          {slip ? (
            // The sheet with its margins around the printable area, as the printer lays it out.
            <Box mx="auto" style={{ width: `${slip.widthMm}mm`, padding: `${margin}mm`, boxShadow: '0 1px 6px rgba(0,0,0,.25)', background: 'white', boxSizing: 'border-box' }}>
              <iframe
                ref={frame}
                key={`${slip.paper}#${slip.printCount}`}
                title={t('ui.print.frameTitle')}
                // Same origin so the preview can print and measure it; no scripts, forms or navigation in the slip.
                sandbox="allow-same-origin allow-modals"
                srcDoc={slip.html}
                onLoad={measure}
                data-testid="print-frame"
                data-paper={slip.paper}
                style={{ display: 'block', border: 0, width: `${slip.widthMm - 2 * margin}mm`, height: `${heightMm - 2 * margin}mm` }}
              />
            </Box>
          ) : (
            <Center h={200}>
              <Group gap="xs">
                <Loader size="sm" />
                <Text size="sm" c="dimmed">
                  {t('ui.print.loading')}
                </Text>
              </Group>
            </Center>
          )}
        </Box>
        {slip && isRoll(slip.paper) && slip.copies > 1 && (
          <Text size="xs" c="dimmed">
            {t('ui.print.rollCopies')}
          </Text>
        )}
        {!desktop && (
          <Text size="xs" c="dimmed" data-testid="print-pdf-hint">
            {t('ui.print.pdfBrowserHint')}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.close')}
          </Button>
          {desktop && (
            <Button variant="light" leftSection={<IconFileTypePdf size={16} />} onClick={() => void pdf()} loading={busy === 'pdf'} disabled={!slip} data-testid="print-pdf">
              {t('ui.print.pdf')}
            </Button>
          )}
          <Button ref={printButton} leftSection={<IconPrinter size={16} />} onClick={() => void print()} loading={busy === 'print'} disabled={!slip} data-testid="print-submit">
            {t('ui.print.print')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
