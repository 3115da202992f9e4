import { useState } from 'react';
import { Button, FileButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCamera, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/api/contract';
import { ATTACHMENT_MAX_BYTES } from '../../../../shared/api/lifecycle.schema';
import { call } from '../../api/call';
import { shrinkPhoto } from '../phone/photo-size';

type Mime = InputOf<'tickets.attach'>['mime'];
const IMAGES = ['image/jpeg', 'image/png', 'image/webp'];
const FILES = ['application/pdf', 'text/plain'];

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

interface Props {
  ticketId: number;
  kind: 'photo' | 'file';
  onDone: () => void;
  /** The phone page: the camera opens straight away, in a large full-width button; a large photo is scaled down. */
  camera?: boolean;
}

/** Picks a photo (or a file), or takes one with the camera, and attaches it to the ticket. */
export function UploadButton({ ticketId, kind, onDone, camera = false }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const accept = kind === 'photo' ? IMAGES : FILES;

  async function upload(picked: File | null) {
    if (!picked) return;
    const file = camera ? await shrinkPhoto(picked) : picked;
    if (!accept.includes(file.type)) return notifications.show({ color: 'red', message: t('ui.lifecycle.service.badType') });
    if (file.size > ATTACHMENT_MAX_BYTES) return notifications.show({ color: 'red', message: t('ui.lifecycle.service.tooBig') });
    setBusy(true);
    const r = await call('tickets.attach', { id: ticketId, kind, fileName: file.name, mime: file.type as Mime, dataBase64: await base64Of(file) });
    setBusy(false);
    if (r.ok) onDone();
    else notifications.show({ color: 'red', message: r.error.message });
  }

  return (
    <FileButton onChange={(f) => void upload(f)} accept={camera ? 'image/*' : accept.join(',')} capture={camera ? 'environment' : undefined}>
      {(props) => (
        <Button {...props} size={camera ? 'md' : 'xs'} h={camera ? 48 : undefined} fullWidth={camera} variant="light" leftSection={camera ? <IconCamera size={20} /> : <IconUpload size={14} />} loading={busy} data-testid={`upload-${kind}`}>
          {t(camera ? 'ui.phone.photos.take' : kind === 'photo' ? 'ui.lifecycle.service.upload' : 'ui.lifecycle.service.uploadFile')}
        </Button>
      )}
    </FileButton>
  );
}
