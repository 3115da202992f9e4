/** 现场照片 on the phone: the camera opens from the button; photos go into the ticket's attachments. */
import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { AttachmentThumb } from '../lifecycle/AttachmentThumb';
import { UploadButton } from '../lifecycle/UploadButton';
import { PhoneSection } from './PhoneSection';

export function PhonePhotos({ ticket: d, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const photos = d.progress.attachments.filter((a) => a.kind === 'photo');
  return (
    <PhoneSection title={t('ui.phone.photos.title')} testId="phone-photos">
      {photos.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.phone.photos.none')}
        </Text>
      ) : (
        <SimpleGrid cols={2} spacing="xs" data-testid="attachments">
          {photos.map((a) => (
            <AttachmentThumb key={a.id} attachment={a} />
          ))}
        </SimpleGrid>
      )}
      <UploadButton ticketId={d.id} kind="photo" onDone={onChanged} camera />
    </PhoneSection>
  );
}
