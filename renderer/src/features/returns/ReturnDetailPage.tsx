/** One returned device: facts, timeline, the moves the rules allow now, contacts, notes, hand-back and its slips. */
import { useState } from 'react';
import { Alert, Anchor, Button, Center, Grid, Group, Image, Loader, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconMessage, IconPhoneCall, IconPrinter, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { RETURN_RULES, canHandBack, type ReturnDetail, type ReturnMove } from '../../../../shared/domain/returns';
import type { SlipDocument } from '../../../../shared/domain/printing';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { FactGrid } from '../../components/FactGrid';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { PrintPreviewModal } from '../printing/PrintPreviewModal';
import { HandBackModal } from './HandBackModal';
import { InformModal, MoveModal, NoteModal } from './ReturnDialogs';
import { ReturnStateBadge } from './ReturnStateBadge';
import { SectionTitle } from '../../components/SectionTitle';

type Dialog = { kind: 'move'; move: ReturnMove } | { kind: 'inform' } | { kind: 'note' } | { kind: 'handBack' };

function Photo({ id }: { id: number }) {
  const content = useApi('attachments.get', { id });
  const src = content.data ? `data:${content.data.mime};base64,${content.data.dataBase64}` : undefined;
  return (
    <Paper withBorder p={4} data-testid="return-photo">
      <Image src={src} h={90} w={130} fit="contain" bg="gray.1" alt={content.data?.fileName ?? ''} />
    </Paper>
  );
}

function ReturnTimeline({ d }: { d: ReturnDetail }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  return (
    <Paper withBorder p="sm" data-testid="return-timeline">
      <SectionTitle title={t('ui.returns.detail.timeline')} mb="sm" />
      <Timeline active={d.events.length - 1} bulletSize={14} lineWidth={2}>
        {d.events.map((e) => (
          <Timeline.Item key={e.id} title={<Text size="sm" fw={600}>{t(`returnEvent.${e.kind}`, { defaultValue: e.kind })}</Text>} data-testid="return-event" data-kind={e.kind}>
            <Text size="xs" c="dimmed">
              {e.actorName} · {formatDateTime(e.at, i18n.language, timeZone)}
            </Text>
            {e.toState && (
              <Text size="xs">
                {e.fromState ? `${t(`returnState.${e.fromState}`)} → ` : ''}
                {t(`returnState.${e.toState}`)}
              </Text>
            )}
            {e.note && (
              <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {e.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

export default function ReturnDetailPage() {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const rec = useApi('returns.get', { id }, Number.isInteger(id) && id > 0);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const printParam = params.get('print');
  const [printing, setPrinting] = useState<SlipDocument | null>(printParam === 'returnReceipt' || printParam === 'pickupReceipt' ? printParam : null);
  useChangeEvents(() => !dialog && rec.reload());

  if (rec.error) return <Alert color="red">{rec.error.message}</Alert>;
  const d = rec.data;
  if (!d)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  const closed = d.state === 'returned' || d.state === 'scrapped';
  const done = () => {
    setDialog(null);
    rec.reload();
  };
  const conditionHits = d.condition.filter((c) => c.checked).map((c) => c.item);

  return (
    <Stack gap="sm" maw={1200}>
      <Anchor component={Link} to="/returns" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('ui.returns.detail.back')}
        </Group>
      </Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3} data-testid="return-number">
            {t('ui.returns.detail.title', { number: d.number })}
          </Title>
          <ReturnStateBadge state={d.state} />
        </Group>
        <Group gap="xs">
          <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting('returnReceipt')} data-testid="print-return-receipt">
            {t('ui.returns.detail.printReceipt')}
          </Button>
          {d.pickup && (
            <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting('pickupReceipt')} data-testid="print-pickup-receipt">
              {t('ui.returns.detail.printPickup')}
            </Button>
          )}
        </Group>
      </Group>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            {!closed && (
              <Paper withBorder p="sm" data-testid="return-next">
                <SectionTitle title={t('ui.returns.detail.moves')} />
                <Group gap="xs">
                  {d.moves.map((m) => (
                    <Button key={m} size="sm" variant={RETURN_RULES[m].reason ? 'outline' : 'filled'} color={m === 'scrap' || m === 'declareUnrepairable' || m === 'quoteDeclined' ? 'red' : undefined} onClick={() => setDialog({ kind: 'move', move: m })} data-testid={`return-move-${m}`}>
                      {t(`ui.returns.move.${m}`)}
                    </Button>
                  ))}
                  {canHandBack(d.state) && (
                    <Button size="sm" color="green" leftSection={<IconUserCheck size={16} />} onClick={() => setDialog({ kind: 'handBack' })} data-testid="return-hand-back">
                      {t('ui.returns.detail.handBack')}
                    </Button>
                  )}
                  <Button size="sm" variant="light" leftSection={<IconPhoneCall size={16} />} onClick={() => setDialog({ kind: 'inform' })} data-testid="return-inform">
                    {t('ui.returns.detail.inform')}
                  </Button>
                  <Button size="sm" variant="light" leftSection={<IconMessage size={16} />} onClick={() => setDialog({ kind: 'note' })} data-testid="return-note">
                    {t('ui.returns.detail.note')}
                  </Button>
                </Group>
                {d.moves.length === 0 && !canHandBack(d.state) && (
                  <Text size="xs" c="dimmed" mt="xs">
                    {t('ui.returns.detail.noMoves')}
                  </Text>
                )}
              </Paper>
            )}
            {closed && (
              <Group>
                <Button size="sm" variant="light" leftSection={<IconMessage size={16} />} onClick={() => setDialog({ kind: 'note' })} data-testid="return-note">
                  {t('ui.returns.detail.note')}
                </Button>
              </Group>
            )}
            <Paper withBorder p="sm" data-testid="return-facts">
              <SectionTitle title={t('ui.returns.detail.facts')} />
              <FactGrid
                facts={[
                  { label: t('ui.returns.detail.ticket'), value: <Anchor component={Link} to={`/tickets/${d.ticketId}`} size="sm">{d.ticketNumber}</Anchor> },
                  { label: t('ui.returns.link.ticketStatus'), value: t(`status.${d.ticketLink.status}`), testId: 'return-ticket-status' },
                  { label: t('ui.returns.detail.customer'), value: d.customerName },
                  { label: t('ui.returns.detail.phone'), value: d.customerPhone },
                  { label: t('ui.returns.detail.model'), value: `${d.modelCode} ${d.modelName}` },
                  { label: t('ui.returns.detail.serial'), value: d.serial, testId: 'return-serial' },
                  { label: t('ui.returns.detail.receivedBy'), value: d.receivedByName },
                  { label: t('ui.returns.detail.receivedAt'), value: formatDateTime(d.receivedAt, i18n.language, timeZone) },
                  {
                    label: t('ui.returns.detail.expected'),
                    value: (
                      <Text size="sm" c={d.overdue ? 'red.8' : undefined} fw={d.overdue ? 700 : undefined} span>
                        {d.expectedDate ?? '—'}
                        {d.overdue ? ` · ${t('ui.returns.overdue')}` : ''}
                      </Text>
                    ),
                  },
                  { label: t('ui.returns.detail.days'), value: t('ui.returns.days', { count: d.daysInDepot }) },
                  { label: t('ui.returns.detail.condition'), value: conditionHits.length ? conditionHits.join('、') : t('ui.returns.detail.conditionNone'), wide: true },
                  { label: t('ui.returns.detail.conditionNotes'), value: d.conditionNotes, wide: true },
                  { label: t('ui.returns.detail.faultStated'), value: d.faultStated, wide: true },
                ]}
              />
            </Paper>
            <Paper withBorder p="sm">
              <SectionTitle title={t('ui.returns.detail.accessories')} />
              {d.accessories.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('ui.returns.detail.noAccessories')}
                </Text>
              ) : (
                <Table withTableBorder maw={420} data-testid="return-accessories">
                  <Table.Tbody>
                    {d.accessories.map((a, i) => {
                      const back = d.pickup?.accessoriesBack.find((b) => b.name === a.name);
                      return (
                        <Table.Tr key={i}>
                          <Table.Td>{a.name}</Table.Td>
                          <Table.Td ta="right">× {a.quantity}</Table.Td>
                          {d.pickup && <Table.Td c={back && back.quantity >= a.quantity ? 'green.8' : 'red.8'}>{back ? `✓ ${back.quantity}` : '✗'}</Table.Td>}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
            {d.photoIds.length > 0 && (
              <Paper withBorder p="sm">
                <SectionTitle title={t('ui.returns.detail.photos')} />
                <Group gap="sm">
                  {d.photoIds.map((p) => (
                    <Photo key={p} id={p} />
                  ))}
                </Group>
              </Paper>
            )}
            {d.pickup && (
              <Paper withBorder p="sm" data-testid="return-pickup">
                <SectionTitle title={t('ui.returns.detail.pickup')} />
                <FactGrid
                  facts={[
                    { label: t('ui.returns.detail.pickedUpBy'), value: d.pickup.by },
                    { label: t('ui.returns.detail.delegate'), value: d.pickup.delegate ? t('ui.common.yes') : t('ui.common.no') },
                    { label: t('ui.returns.detail.idNote'), value: d.pickup.idNote },
                    { label: t('ui.returns.detail.receivedAt'), value: formatDateTime(d.pickup.at, i18n.language, timeZone) },
                    { label: t('ui.returns.informForm.note'), value: d.pickup.note, wide: true },
                  ]}
                />
                <Text size="xs" c="dimmed" mt="xs">
                  {t('ui.returns.detail.signature')}
                </Text>
                <Photo id={d.pickup.signatureId} />
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ReturnTimeline d={d} />
        </Grid.Col>
      </Grid>
      {dialog?.kind === 'move' && <MoveModal key={d.version} rec={d} move={dialog.move} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'inform' && <InformModal key={d.version} rec={d} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'note' && <NoteModal key={d.version} rec={d} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'handBack' && (
        <HandBackModal
          key={d.version}
          rec={d}
          onClose={() => setDialog(null)}
          onDone={() => {
            done();
            setPrinting('pickupReceipt');
          }}
        />
      )}
      {printing && (
        <PrintPreviewModal
          opened
          request={{ document: printing, id: d.id }}
          onClose={() => {
            setPrinting(null);
            if (printParam) setParams({}, { replace: true });
          }}
        />
      )}
    </Stack>
  );
}
