/**
 * Scans a part's barcode with the camera through the browser's BarcodeDetector (Chrome and Edge on
 * Android, over HTTPS; not yet Safari). Where the browser has none the button is not offered (canScan):
 * the typed field always works.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import { IconBarcode } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

/** The browser can scan with the camera (BarcodeDetector and getUserMedia, which needs HTTPS off localhost). */
export function canScan(): boolean {
  return detectorClass() !== null;
}

function detectorClass(): BarcodeDetectorClass | null {
  const found = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  return found && typeof navigator.mediaDevices?.getUserMedia === 'function' ? found : null;
}

/** The barcodes of part labels and of the desk's own slips. */
const FORMATS = ['code_128', 'code_39', 'ean_13', 'ean_8', 'qr_code'];
const EVERY_MS = 250;

export function PartScanner({ onScanned }: { onScanned: (text: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button h={44} variant="light" leftSection={<IconBarcode size={20} />} onClick={() => setOpen(true)} data-testid="phone-scan">
        {t('ui.phone.record.scan')}
      </Button>
      {open && (
        <ScanModal
          onClose={() => setOpen(false)}
          onScanned={(text) => {
            setOpen(false);
            onScanned(text);
          }}
        />
      )}
    </>
  );
}

function ScanModal({ onClose, onScanned }: { onClose: () => void; onScanned: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const done = useRef(onScanned);

  useEffect(() => {
    const Detector = detectorClass();
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let live = true;
    void (async () => {
      try {
        if (!Detector) throw new Error('no detector');
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (!live || !video.current) return stream.getTracks().forEach((track) => track.stop());
        video.current.srcObject = stream;
        await video.current.play();
        const detector = new Detector({ formats: FORMATS });
        timer = setInterval(() => {
          if (!video.current || video.current.readyState < 2) return;
          void detector.detect(video.current).then((codes) => {
            const text = codes[0]?.rawValue.trim();
            if (live && text) {
              live = false;
              done.current(text);
            }
          }, () => undefined);
        }, EVERY_MS);
      } catch {
        if (live) setFailed(true);
      }
    })();
    return () => {
      live = false;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <Modal opened onClose={onClose} title={t('ui.phone.record.scanTitle')} fullScreen>
      <Stack gap="sm" data-testid="phone-scanner">
        {failed ? (
          <Alert color="orange">{t('ui.phone.record.scanFailed')}</Alert>
        ) : (
          <>
            <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: 'black' }} />
            <Text size="sm" c="dimmed" ta="center">
              {t('ui.phone.record.scanHint')}
            </Text>
          </>
        )}
        <Button h={48} variant="default" onClick={onClose}>
          {t('ui.common.cancel')}
        </Button>
      </Stack>
    </Modal>
  );
}
