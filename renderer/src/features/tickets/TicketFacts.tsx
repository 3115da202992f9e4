import { Anchor, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { FactGrid } from '../../components/FactGrid';
import { formatDateTime } from '../../components/format-time';
import { WarrantyBadge } from '../../components/WarrantyBadge';
import { useSession } from '../auth/session-context';
import { SectionTitle } from '../../components/SectionTitle';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <SectionTitle title={title} />
      {children}
    </Paper>
  );
}

/** Everything registered at intake, read-only (the deadlines are in the lifecycle's DeadlinePanel). */
export function TicketFacts({ ticket: d }: { ticket: TicketDetail }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const at = (iso: string | null) => formatDateTime(iso, i18n.language, timeZone);
  const yesNo = (b: boolean) => t(b ? 'ui.common.yes' : 'ui.common.no');
  return (
    <Stack gap="sm" data-testid="ticket-facts">
      <Section title={t('ui.intake.sectionRequest')}>
        <FactGrid
          facts={[
            { label: t('ui.intake.channel'), value: t(`channel.${d.channel}`) },
            { label: t('ui.intake.reportedAt'), value: at(d.reportedAt) },
            { label: t('ui.detail.received'), value: d.receivedBy.name },
            { label: t('ui.intake.problemType'), value: t(`problemType.${d.problemType}`) },
            { label: t('ui.detail.safetyRisk'), value: yesNo(d.safetyRisk) },
            { label: t('ui.detail.level'), value: `L${d.progress.level}` },
          ]}
        />
      </Section>
      <Section title={t('ui.detail.customer')}>
        <FactGrid
          facts={[
            {
              label: t('ui.intake.customerName'),
              value: (
                <Anchor component={Link} to={`/customers/${d.customer.id}`} size="sm">
                  {d.customer.name}
                </Anchor>
              ),
              testId: 'detail-customer',
            },
            { label: t('ui.intake.customerPhone'), value: d.customer.phone },
            { label: t('ui.intake.contactName'), value: d.contactName },
            { label: t('ui.intake.contactPhone'), value: d.contactPhone, testId: 'detail-contact-phone' },
          ]}
        />
      </Section>
      <Section title={t('ui.detail.device')}>
        <FactGrid
          facts={[
            { label: t('ui.intake.model'), value: d.model ? `${d.model.code} · ${d.model.name}` : '' },
            {
              label: t('ui.intake.serial'),
              value: d.device ? (
                <Anchor component={Link} to={`/devices/${d.device.id}`} size="sm">
                  {d.device.serial}
                </Anchor>
              ) : (
                (d.serial ?? '')
              ),
              testId: 'detail-serial',
            },
            { label: t('ui.detail.warranty'), value: <WarrantyBadge status={d.warrantyStatus} /> },
          ]}
        />
      </Section>
      <Section title={t('ui.intake.sectionFault')}>
        <FactGrid
          facts={[
            { label: t('ui.intake.faultDescription'), value: d.faultDescription, wide: true, testId: 'detail-fault' },
            { label: t('ui.intake.faultWhen'), value: d.faultWhen },
            { label: t('ui.intake.faultFrequency'), value: d.faultFrequency ? t(`frequency.${d.faultFrequency}`) : '' },
            { label: t('ui.intake.alarmCodes'), value: d.alarmCodes },
            { label: t('ui.intake.abnormalNoise'), value: d.abnormalNoise },
            { label: t('ui.intake.environment'), value: d.environment },
            { label: t('ui.intake.customerTried'), value: d.customerTried },
            { label: t('ui.intake.reportedBefore'), value: yesNo(d.reportedBefore) },
          ]}
        />
      </Section>
    </Stack>
  );
}
