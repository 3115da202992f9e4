/**
 * 三包 on the ticket (issue 19): the right that applies and the rule's words, the earlier repairs of the same fault
 * counted, the decision recorded, and the exchange or return with its certificate. Shown from diagnosis to the fee
 * decision (and after, as the record).
 */
import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../../../shared/domain/money';
import { daysBetween, type SanbaoAssessment } from '../../../../shared/domain/sanbao';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { PrintPreviewModal } from '../printing/PrintPreviewModal';
import { SanbaoDecideForm } from './SanbaoDecideForm';
import { SanbaoExchangeForm } from './SanbaoExchangeForm';

const DESK_ROLES = ['clerk', 'supervisor', 'admin'];
const RIGHT_COLOR = { return: 'red', exchange: 'orange', repair: 'teal', paidRepair: 'gray' } as const;

type Dialog = 'decide' | 'override' | 'exchange' | 'print' | null;

export function SanbaoSection({ ticket }: { ticket: TicketDetail }) {
  const { t, i18n } = useTranslation();
  const { user, timeZone } = useSession();
  const assess = useApi('sanbao.assess', { ticketId: ticket.id });
  const [dialog, setDialog] = useState<Dialog>(null);
  const { reload } = assess;
  // A move, a decision or an exchange adds to the timeline: read the assessment again.
  useEffect(reload, [ticket.events.length, ticket.version, reload]);
  const a = assess.data;
  if (!a) return null;
  const when = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  const open = ticket.status !== 'cancelled' && !a.done;
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const due = a.recorded && (a.recorded.right === 'exchange' || a.recorded.right === 'return') ? a.recorded.right : null;
  return (
    <Paper withBorder p="sm" data-testid="sanbao">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={600} size="sm" c="blue.8">
            {t('ui.sanbao.title')}
          </Text>
          <Badge color={RIGHT_COLOR[a.decision.right]} variant="light" tt="none" data-testid="sanbao-right">
            {t('ui.sanbao.right', { right: t(`sanbaoRight.${a.decision.right}`) })}
          </Badge>
        </Group>
        <Group gap="xs">
          {open && (
            <Button size="compact-sm" variant="light" onClick={() => setDialog('decide')} data-testid="sanbao-decide">
              {t('ui.sanbao.choose')}
            </Button>
          )}
          {open && staff && (
            <Button size="compact-sm" variant="subtle" onClick={() => setDialog('override')} data-testid="sanbao-override">
              {t('ui.sanbao.overrideButton')}
            </Button>
          )}
          {open && due && DESK_ROLES.includes(user.role) && (
            <Button size="compact-sm" color="orange" onClick={() => setDialog('exchange')} data-testid="sanbao-exchange">
              {t(`ui.sanbao.${due}`)}
            </Button>
          )}
          {a.done && (
            <Button size="compact-sm" variant="light" leftSection={<IconPrinter size={14} />} onClick={() => setDialog('print')} data-testid="sanbao-print">
              {t('ui.sanbao.print', { kind: t(`ui.sanbao.${a.done.kind === 'exchange' ? 'exchanged' : 'returned'}`) })}
            </Button>
          )}
        </Group>
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500} data-testid="sanbao-rule">
          {t(`sanbaoRule.${a.decision.rule}`, a.decision.params)}
        </Text>
        <Facts a={a} />
        {a.recorded && (
          <Text size="sm" data-testid="sanbao-recorded">
            {t('ui.sanbao.recorded', { right: t(`sanbaoRight.${a.recorded.right}`), by: a.recorded.byName, at: when(a.recorded.at) })}
            {a.recorded.override && ` · ${t('ui.sanbao.override', { reason: a.recorded.reason })}`}
          </Text>
        )}
        {a.done && (
          <Text size="sm" c="orange.9" data-testid="sanbao-done">
            {t('ui.sanbao.done', { kind: t(`ui.sanbao.${a.done.kind === 'exchange' ? 'exchanged' : 'returned'}`), by: a.done.byName, at: when(a.done.at), old: a.done.oldDevice.serial })}
            {a.done.newDevice && `；${t('ui.sanbao.newUnit', { serial: a.done.newDevice.serial, until: a.done.newDevice.warrantyEnd ?? '—' })}`}
          </Text>
        )}
        {a.done?.refund && (
          <Text size="sm" c="orange.9" data-testid="sanbao-refund">
            {t('ui.sanbao.refunded', { amount: formatMoney(a.done.refund.refundFen), method: t(`refundMethod.${a.done.refund.method}`), by: a.done.byName })}
            {a.done.refund.paidFen !== null && t('ui.sanbao.paidOf', { paid: formatMoney(a.done.refund.paidFen) })}
          </Text>
        )}
      </Stack>
      {(dialog === 'decide' || dialog === 'override') && (
        <SanbaoDecideForm ticketId={ticket.id} assessment={a} override={dialog === 'override'} onClose={() => setDialog(null)} onDone={() => { setDialog(null); reload(); }} />
      )}
      {dialog === 'exchange' && due && <SanbaoExchangeForm ticketId={ticket.id} kind={due} onClose={() => setDialog(null)} onDone={() => { setDialog(null); reload(); }} />}
      {dialog === 'print' && a.done && <PrintPreviewModal opened request={{ document: 'sanbaoCertificate', id: a.done.id }} onClose={() => setDialog(null)} />}
    </Paper>
  );
}

/** Why: the purchase date and the day counted, the terms of the product line, the repairs counted. */
function Facts({ a }: { a: SanbaoAssessment }) {
  const { t } = useTranslation();
  const days = a.purchaseDate ? daysBetween(a.purchaseDate, a.serviceDate) : null;
  const line = a.terms.productLine === '*' ? t('ui.sanbao.anyLine') : a.terms.productLine;
  return (
    <>
      <Text size="xs" c="dimmed" data-testid="sanbao-purchase">
        {a.purchaseDate ? t('ui.sanbao.purchased', { date: a.purchaseDate, service: a.serviceDate, days }) : t('ui.sanbao.noPurchase')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('ui.sanbao.terms', { ...a.terms, line })}
      </Text>
      {a.sameFaultRepairs.length > 0 && (
        <Group gap={6} data-testid="sanbao-repairs">
          <Text size="xs">{t('ui.sanbao.repairs', { count: a.sameFaultRepairs.length })}</Text>
          {a.sameFaultRepairs.map((r) => (
            <Anchor key={r.ticketId} component={Link} to={`/tickets/${r.ticketId}`} size="xs">
              {r.number}
            </Anchor>
          ))}
        </Group>
      )}
    </>
  );
}
