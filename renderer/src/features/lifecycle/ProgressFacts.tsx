import { Badge, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { FactGrid, type Fact } from '../../components/FactGrid';
import { formatDateTime } from '../../components/format-time';
import { formatMoney } from '../../../../shared/domain/money';
import { useSession } from '../auth/session-context';
import { FollowUpHistory } from './FollowUpHistory';
import { SectionTitle } from '../../components/SectionTitle';

/** The plan, its approval and consent, the assignment and the acceptance, as recorded so far. */
export function ProgressFacts({ ticket: d }: { ticket: TicketDetail }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const p = d.progress;
  const at = (iso: string | null) => formatDateTime(iso, i18n.language, timeZone);
  const yesNo = (b: boolean) => t(b ? 'ui.common.yes' : 'ui.common.no');
  const hasPlan = p.diagnosis !== '' || p.repairPlan !== '';
  // Nothing planned or done yet: no empty block above the customer and the fault.
  const started = p.assignedTo !== null || p.visits > 0 || p.closedAt !== null || p.followedUpAt !== null;
  const approval = !p.needsApproval ? '' : p.approvedAt ? at(p.approvedAt) : <Badge color="orange" variant="light">{t('ui.lifecycle.plan.approvalPending')}</Badge>;
  const consent = !p.needsApproval ? '' : p.consentAt ? `${at(p.consentAt)} · ${p.consentChannel ? t(`ui.lifecycle.consent.channels.${p.consentChannel}`) : ''}` : <Badge color="orange" variant="light">{t('ui.lifecycle.plan.consentPending')}</Badge>;
  const plan: Fact[] = [
    { label: t('ui.lifecycle.plan.serviceMode'), value: p.serviceMode ? t(`ui.lifecycle.plan.mode.${p.serviceMode}`) : '' },
    { label: t('ui.lifecycle.plan.eta'), value: at(p.eta) },
    { label: t('ui.lifecycle.plan.estimate'), value: formatMoney(p.estimateFen) },
    { label: t('ui.lifecycle.plan.diagnosis'), value: p.diagnosis, wide: true, testId: 'progress-diagnosis' },
    { label: t('ui.lifecycle.plan.rootCause'), value: p.rootCause },
    { label: t('ui.lifecycle.plan.partsNeeded'), value: p.partsNeeded },
    { label: t('ui.lifecycle.plan.touchesCoreParts'), value: yesNo(p.touchesCoreParts) },
    { label: t('ui.lifecycle.plan.repairPlan'), value: p.repairPlan, wide: true },
    { label: t('ui.lifecycle.plan.approvedAt'), value: approval, testId: 'progress-approval' },
    { label: t('ui.lifecycle.plan.consentAt'), value: consent, testId: 'progress-consent' },
  ];
  const work: Fact[] = [
    { label: t('ui.lifecycle.progress.visitAddress'), value: p.visitAddress, wide: true, testId: 'detail-address' },
    { label: t('ui.lifecycle.progress.assignedTo'), value: p.assignedTo?.name ?? '', testId: 'progress-engineer' },
    { label: t('ui.lifecycle.progress.dispatchedAt'), value: at(p.dispatchedAt) },
    { label: t('ui.lifecycle.progress.visits'), value: String(p.visits) },
    { label: t('ui.lifecycle.progress.functionTest'), value: p.functionTest ? t(`ui.lifecycle.progress.functionTests.${p.functionTest}`) : '' },
    { label: t('ui.lifecycle.progress.satisfaction'), value: p.satisfaction ? t(`ui.lifecycle.satisfaction.${p.satisfaction}`) : '', testId: 'progress-satisfaction' },
    { label: t('ui.lifecycle.accept.comments'), value: p.acceptanceComments },
    { label: t('ui.lifecycle.progress.followUpDue'), value: at(p.followUpDueAt), testId: 'progress-follow-up-due' },
    { label: t('ui.lifecycle.progress.followedUpAt'), value: at(p.followedUpAt) },
    { label: t('ui.lifecycle.progress.closedAt'), value: at(p.closedAt) },
  ];
  if (!hasPlan && !started) return null;
  return (
    <Paper withBorder p="sm" data-testid="progress-facts">
      <Stack gap="sm">
        {hasPlan && (
          <div>
            <SectionTitle title={t('ui.lifecycle.plan.title')} />
            <FactGrid facts={plan} />
          </div>
        )}
        <div>
          <SectionTitle title={t('ui.lifecycle.progress.title')} />
          <FactGrid facts={work} />
          <FollowUpHistory attempts={p.followUpAttempts} />
        </div>
      </Stack>
    </Paper>
  );
}
