import { Anchor, Image, Paper, Stack, Text } from '@mantine/core';
import { IconFile } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../../shared/domain/ticket';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';

/** What a signature signed, from the file name the core gives it (acceptance-signature.png, …). */
const SIGNED: Record<string, string> = {
  'acceptance-signature.png': 'acceptance',
  'consent-signature.png': 'consent',
  'quote-consent-signature.png': 'quoteConsent',
  'bill-consent-signature.png': 'billConsent',
  'pickup-signature.png': 'pickup',
};

/** One attachment: images (photos, signatures) as a thumbnail read through attachments.get, files by name. */
export function AttachmentThumb({ attachment: a }: { attachment: AttachmentInfo }) {
  const { t, i18n } = useTranslation();
  const caption = a.kind === 'signature' ? t(`ui.lifecycle.service.signatureOf.${SIGNED[a.fileName] ?? 'other'}`) : a.fileName;
  const { timeZone } = useSession();
  const image = a.mime.startsWith('image/');
  const content = useApi('attachments.get', { id: a.id });
  const src = content.data ? `data:${content.data.mime};base64,${content.data.dataBase64}` : undefined;
  return (
    <Paper withBorder p={6} w={150} data-testid={`attachment-${a.kind}`}>
      <Stack gap={4} align="center">
        {image ? (
          <Image src={src} h={90} w={136} fit="contain" alt={a.fileName} bg={a.kind === 'signature' ? 'white' : 'gray.1'} />
        ) : (
          <IconFile size={48} stroke={1.2} />
        )}
        {src && !image ? (
          <Anchor href={src} download={a.fileName} size="xs" truncate="end" maw={136}>
            {a.fileName}
          </Anchor>
        ) : (
          <Text size="xs" truncate="end" maw={136} title={a.fileName}>
            {caption}
          </Text>
        )}
        <Text size="10px" c="dimmed">
          {formatDateTime(a.createdAt, i18n.language, timeZone)}
        </Text>
      </Stack>
    </Paper>
  );
}
