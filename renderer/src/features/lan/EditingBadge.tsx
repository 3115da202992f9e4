/** "正在由 X 编辑": who else has this ticket's edit form open, on any desk; follows the change events. */
import { Alert } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';

export function EditingBadge({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const editors = useApi('presence.get', { ticketId }, ticketId > 0);
  useChangeEvents(editors.reload);
  const names = editors.data ?? [];
  if (names.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconPencil size={16} />} py={6} data-testid="editing-by">
      {t('ui.lan.editingBy', { names: names.join('、') })}
    </Alert>
  );
}
