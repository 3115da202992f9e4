/**
 * The State Council's holiday arrangement per year as the desk has it: each festival's days off and 调休
 * working days; a year the app brings that the admin has not confirmed (new, or changed by an update) is
 * shown with its days and a confirm button.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { byFestival, runsOf, type OfficialDay, type OfficialYear } from '../../../../shared/domain/official-calendar';
import { call } from '../../api/call';
import { SectionTitle } from '../../components/SectionTitle';

interface Props {
  years: OfficialYear[];
  /** The desk's current year: the next one is named when the app does not carry it yet. */
  thisYear: number;
  onAccepted: () => void;
}

export function OfficialArrangement({ years, thisYear, onAccepted }: Props) {
  const { t } = useTranslation();
  const nextYear = thisYear + 1;
  return (
    <Paper withBorder p="sm" data-testid="official-arrangement">
      <SectionTitle title={t('ui.settings.official.title')} />
      <Stack gap="sm">
        {years.map((y) => (y.incoming ? <Incoming key={y.year} year={y} onAccepted={onAccepted} /> : <YearDays key={y.year} year={y.year} days={y.days} accepted={y.accepted} />))}
        {!years.some((y) => y.year === nextYear) && (
          <Text size="sm" c="dimmed" data-testid="official-missing">
            {t('ui.settings.official.missing', { year: nextYear })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Incoming({ year, onAccepted }: { year: OfficialYear; onAccepted: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const incoming = year.incoming!;
  async function accept() {
    setBusy(true);
    const r = await call('calendar.acceptOfficial', { year: year.year, digest: incoming.digest });
    setBusy(false);
    if (!r.ok) return notifications.show({ color: 'red', message: r.error.message });
    notifications.show({ color: 'green', message: t('ui.settings.official.acceptedNotice', { year: year.year }) });
    onAccepted();
  }
  return (
    <Alert color="yellow" title={t(year.accepted ? 'ui.settings.official.incomingChanged' : 'ui.settings.official.incomingNew', { year: year.year })} data-testid={`official-incoming-${year.year}`}>
      <Stack gap="xs">
        <Text size="sm">{t(year.accepted ? 'ui.settings.official.hintChanged' : 'ui.settings.official.hintNew')}</Text>
        <FestivalTable days={incoming.days} />
        <Group>
          <Button size="xs" onClick={() => void accept()} loading={busy} data-testid={`official-accept-${year.year}`}>
            {t('ui.settings.official.accept', { year: year.year })}
          </Button>
        </Group>
        {year.accepted && <YearDays year={year.year} days={year.days} accepted />}
      </Stack>
    </Alert>
  );
}

function YearDays({ year, days, accepted }: { year: number; days: OfficialDay[]; accepted: boolean }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`official-year-${year}`}>
      <Group gap="xs" mb={4}>
        <Text size="sm" fw={500}>
          {t('ui.settings.official.year', { year })}
        </Text>
        <Badge size="sm" variant="light" color={accepted ? 'green' : 'yellow'}>
          {t(accepted ? 'ui.settings.official.accepted' : 'ui.settings.official.unconfirmed')}
        </Badge>
      </Group>
      <FestivalTable days={days} />
    </div>
  );
}

function FestivalTable({ days }: { days: OfficialDay[] }) {
  const { t, i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
  const fmt = (date: string) => day.format(new Date(`${date}T00:00:00Z`));
  const runs = (dates: string[]) => runsOf(dates).map(([a, b]) => (a === b ? fmt(a) : `${fmt(a)} – ${fmt(b)}`)).join(t('ui.settings.official.list'));
  return (
    <Table withRowBorders={false} verticalSpacing={2} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170} />
          <Table.Th>{t('ui.settings.official.off')}</Table.Th>
          <Table.Th>{t('ui.settings.official.work')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {byFestival(days).map((f) => (
          <Table.Tr key={f.festival} data-testid={`festival-${f.festival}`}>
            <Table.Td fw={500}>{t(`ui.settings.festival.${f.festival}`)}</Table.Td>
            <Table.Td>
              {runs(f.off)}
              {f.off.length > 1 && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {t('ui.settings.official.days', { count: f.off.length })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{runs(f.work)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
