/**
 * Check-in of a device taken back for depot repair. Keyboard-first: Enter moves to the next field
 * (a scanner types the serial and Enter), Ctrl+Enter checks in. Opened from a ticket with
 * `?ticket=<id>`, or given a ticket number (typed, scanned or picked), the ticket's customer, model, serial and
 * fault are filled in.
 */
import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, Checkbox, CloseButton, FileButton, Grid, Group, Image, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBarcode, IconPackageImport, IconPhotoPlus, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { InputOf } from '../../../../shared/api/contract';
import { ATTACHMENT_MAX_BYTES } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail, TicketRow, TicketStatus } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { TypeAhead } from '../../components/TypeAhead';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { useSession } from '../auth/session-context';
import { showCarried } from './ticket-carried';
import { DateField } from '../../components/DateField';

type Photo = NonNullable<InputOf<'returns.checkIn'>['photos']>[number];
type Mime = Photo['mime'];
const IMAGES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PHOTOS = 6;

interface Draft {
  ticket: { id: number; number: string; customerName: string; status: TicketStatus } | null;
  modelId: number | null;
  serial: string;
  checked: Record<string, boolean>;
  conditionNotes: string;
  accessories: { name: string; quantity: number }[];
  faultStated: string;
  photos: Photo[];
  receivedBy: number | null;
  expectedDate: string;
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

async function searchTickets(q: string): Promise<TicketRow[]> {
  const r = await call('tickets.list', { q, pageSize: 10 });
  return r.ok ? r.value.rows : [];
}

export default function CheckInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const [params] = useSearchParams();
  const fromTicket = Number(params.get('ticket'));
  const [draft, setDraft] = useState<Draft>({
    ticket: null,
    modelId: null,
    serial: '',
    checked: {},
    conditionNotes: '',
    accessories: [],
    faultStated: '',
    photos: [],
    receivedBy: user.id,
    expectedDate: '',
  });
  const [ticketText, setTicketText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const models = useApi('models.list', {});
  const users = useApi('users.directory', {});
  const checklist = useApi('returns.checklist', { modelId: draft.modelId ?? 0 }, draft.modelId !== null);
  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));

  // Prefill once from the ticket the page was opened for.
  const preset = useApi('tickets.get', { id: fromTicket }, Number.isInteger(fromTicket) && fromTicket > 0);
  const [prefilled, setPrefilled] = useState(false);
  if (preset.data && !prefilled) {
    setPrefilled(true);
    fill(preset.data);
  }

  function fill(d: TicketDetail) {
    setTicketText(d.number);
    setDraft((old) => ({
      ...old,
      ticket: { id: d.id, number: d.number, customerName: d.customer.name, status: d.status },
      modelId: d.model?.id ?? old.modelId,
      serial: d.serial ?? d.device?.serial ?? old.serial,
      faultStated: old.faultStated || d.faultDescription,
    }));
  }

  // A whole ticket number typed or scanned fills the form like picking it (Enter may come before the hits do).
  const typedNumber = draft.ticket ? '' : ticketText.trim();
  useEffect(() => {
    if (typedNumber.length < 6) return;
    const timer = setTimeout(() => {
      void call('tickets.get', { number: typedNumber }).then((r) => {
        if (r.ok && r.value.number === typedNumber) fill(r.value);
      });
    }, 200);
    return () => clearTimeout(timer);
  }, [typedNumber]);

  async function pickTicket(id: number) {
    const r = await call('tickets.get', { id });
    if (r.ok) fill(r.value);
    else notifications.show({ color: 'red', message: r.error.message });
  }

  async function addPhotos(files: File[]) {
    const room = MAX_PHOTOS - draft.photos.length;
    const ok: Photo[] = [];
    for (const file of files.slice(0, Math.max(0, room))) {
      if (!IMAGES.includes(file.type)) {
        notifications.show({ color: 'red', message: t('ui.lifecycle.service.badType') });
        continue;
      }
      if (file.size > ATTACHMENT_MAX_BYTES) {
        notifications.show({ color: 'red', message: t('ui.lifecycle.service.tooBig') });
        continue;
      }
      ok.push({ fileName: file.name, mime: file.type as Mime, dataBase64: await base64Of(file) });
    }
    if (files.length > room) notifications.show({ color: 'orange', message: t('ui.returns.form.photoLimit') });
    setDraft((d) => ({ ...d, photos: [...d.photos, ...ok].slice(0, MAX_PHOTOS) }));
  }

  async function submit() {
    if (busy) return;
    if (!draft.ticket) {
      setErrors({ ticketId: t('ui.returns.form.ticketMissing') });
      return;
    }
    setBusy(true);
    const items = checklist.data ?? [];
    const r = await call('returns.checkIn', {
      ticketId: draft.ticket.id,
      modelId: draft.modelId ?? 0,
      serial: draft.serial,
      condition: items.map((item) => ({ item, checked: draft.checked[item] === true })),
      conditionNotes: draft.conditionNotes,
      accessories: draft.accessories.filter((a) => a.name.trim() !== ''),
      faultStated: draft.faultStated,
      photos: draft.photos,
      receivedBy: draft.receivedBy,
      expectedDate: draft.expectedDate || null,
    });
    setBusy(false);
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setError(r.error.message);
      return;
    }
    notifications.show({ color: 'green', message: t('ui.returns.form.created', { number: r.value.number }) });
    showCarried(t, draft.ticket.status, r.value.ticket);
    void navigate(`/returns/${r.value.id}?print=returnReceipt`);
  }

  const onKeyDown = useEnterNavigation(() => void submit());
  const items = checklist.data ?? [];

  return (
    <Stack gap="sm" maw={1100} onKeyDown={onKeyDown} data-testid="check-in-form">
      <Title order={3}>{t('ui.returns.form.title')}</Title>
      <Paper withBorder p="md">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TypeAhead<TicketRow>
              label={t('ui.returns.form.ticket')}
              placeholder={t('ui.returns.form.ticketSearch')}
              value={ticketText}
              onChange={(text) => {
                setTicketText(text);
                if (draft.ticket && text !== draft.ticket.number) patch({ ticket: null });
              }}
              error={errors.ticketId}
              autoFocus={!fromTicket}
              selectFirst
              testId="check-in-ticket"
              load={searchTickets}
              keyOf={(row) => String(row.id)}
              render={(row) => `${row.number} · ${row.customerName} · ${row.modelCode ?? ''}`}
              onPick={(row) => void pickTicket(row.id)}
            />
            {draft.ticket ? (
              <Text size="xs" c="dimmed" mt={4} data-testid="check-in-customer">
                {draft.ticket.customerName}
              </Text>
            ) : (
              <Anchor component={Link} to="/tickets/new" size="xs" data-skip-enter>
                {t('ui.returns.form.newTicket')}
              </Anchor>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              label={t('ui.returns.form.model')}
              data={(models.data ?? []).map((m) => ({ value: String(m.id), label: `${m.code} ${m.name}` }))}
              value={draft.modelId ? String(draft.modelId) : null}
              onChange={(v) => patch({ modelId: v ? Number(v) : null, checked: {} })}
              error={errors.modelId}
              searchable
              required
              data-testid="check-in-model"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t('ui.returns.form.serial')}
              description={t('ui.returns.form.serialHint')}
              leftSection={<IconBarcode size={16} />}
              value={draft.serial}
              onChange={(e) => patch({ serial: e.currentTarget.value })}
              error={errors.serial}
              autoFocus={Boolean(fromTicket)}
              required
              autoComplete="off"
              data-testid="check-in-serial"
            />
          </Grid.Col>
        </Grid>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('ui.returns.form.condition')}
            </Text>
            <SimpleGrid cols={2} spacing={6} data-testid="check-in-checklist">
              {items.map((item) => (
                <Checkbox
                  key={item}
                  label={item}
                  checked={draft.checked[item] === true}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setDraft((d) => ({ ...d, checked: { ...d.checked, [item]: on } }));
                  }}
                  data-testid="check-in-condition"
                />
              ))}
            </SimpleGrid>
            <Textarea label={t('ui.returns.form.conditionNotes')} autosize minRows={2} value={draft.conditionNotes} onChange={(e) => patch({ conditionNotes: e.currentTarget.value })} error={errors.conditionNotes} data-testid="check-in-condition-notes" />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('ui.returns.form.accessories')}
            </Text>
            {draft.accessories.map((a, i) => (
              <Group key={i} gap="xs" wrap="nowrap" data-testid="check-in-accessory">
                <TextInput
                  flex={1}
                  aria-label={t('ui.returns.form.accessoryName')}
                  placeholder={t('ui.returns.form.accessoryName')}
                  value={a.name}
                  autoFocus={a.name === '' && i === draft.accessories.length - 1}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    setDraft((d) => ({ ...d, accessories: d.accessories.map((x, j) => (j === i ? { ...x, name } : x)) }));
                  }}
                  error={errors[`accessories.${i}.name`]}
                  data-testid="accessory-name"
                />
                <NumberInput
                  w={90}
                  aria-label={t('ui.returns.form.quantity')}
                  min={1}
                  max={999}
                  value={a.quantity}
                  onChange={(v) => {
                    const quantity = typeof v === 'number' ? v : 1;
                    setDraft((d) => ({ ...d, accessories: d.accessories.map((x, j) => (j === i ? { ...x, quantity } : x)) }));
                  }}
                  data-testid="accessory-quantity"
                />
                <ActionIcon variant="subtle" color="red" aria-label={t('ui.returns.form.removeAccessory')} onClick={() => setDraft((d) => ({ ...d, accessories: d.accessories.filter((_, j) => j !== i) }))} data-skip-enter>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setDraft((d) => ({ ...d, accessories: [...d.accessories, { name: '', quantity: 1 }] }))}
              disabled={draft.accessories.length >= 30}
              w="fit-content"
              data-testid="accessory-add"
            >
              {t('ui.returns.form.addAccessory')}
            </Button>
          </Stack>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Textarea
              label={t('ui.returns.form.faultStated')}
              required
              autosize
              minRows={3}
              value={draft.faultStated}
              onChange={(e) => patch({ faultStated: e.currentTarget.value })}
              error={errors.faultStated}
              data-testid="check-in-fault"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="xs">
              <Select
                label={t('ui.returns.form.receivedBy')}
                data={(users.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
                value={draft.receivedBy ? String(draft.receivedBy) : null}
                onChange={(v) => patch({ receivedBy: v ? Number(v) : null })}
                allowDeselect={false}
                data-testid="check-in-received-by"
              />
              <DateField
                label={t('ui.returns.form.expectedDate')}
                description={t('ui.returns.form.expectedHint')}
                value={draft.expectedDate}
                onChange={(value) => patch({ expectedDate: value })}
                error={errors.expectedDate}
                data-testid="check-in-expected"
              />
            </Stack>
          </Grid.Col>
        </Grid>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600} size="sm">
              {t('ui.returns.form.photos')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('ui.returns.form.photoLimit')}
            </Text>
          </Group>
          <Group gap="sm">
            {draft.photos.map((p, i) => (
              <Paper key={i} withBorder p={4} pos="relative" data-testid="check-in-photo">
                <Image src={`data:${p.mime};base64,${p.dataBase64}`} h={80} w={110} fit="contain" alt={p.fileName} bg="gray.1" />
                <CloseButton size="xs" pos="absolute" top={2} right={2} aria-label={t('ui.returns.form.removeAccessory')} onClick={() => setDraft((d) => ({ ...d, photos: d.photos.filter((_, j) => j !== i) }))} data-skip-enter />
              </Paper>
            ))}
            {draft.photos.length < MAX_PHOTOS && (
              <FileButton multiple accept={IMAGES.join(',')} onChange={(files) => void addPhotos(files)}>
                {(props) => (
                  <Button {...props} variant="light" leftSection={<IconPhotoPlus size={16} />} data-testid="check-in-add-photos" data-skip-enter>
                    {t('ui.returns.form.addPhotos')}
                  </Button>
                )}
              </FileButton>
            )}
          </Group>
        </Stack>
      </Paper>
      {error && (
        <Alert color="red" role="alert" data-testid="check-in-error">
          {error}
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('ui.lifecycle.submitHint')}
        </Text>
        <Button leftSection={<IconPackageImport size={16} />} onClick={() => void submit()} loading={busy} data-testid="check-in-submit">
          {t('ui.returns.form.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
