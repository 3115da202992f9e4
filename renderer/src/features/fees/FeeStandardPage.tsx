import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Center, Checkbox, Grid, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPackage, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DIFFICULTIES, type Difficulty, type FeeRules } from '../../../../shared/domain/fees';
import type { FeeStandard } from '../../../../shared/domain/fee-records';
import { parseYuan, yuanInput } from '../../../../shared/domain/money';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { deskNow } from '../../api/desk-clock';
import { DateField } from '../../components/DateField';

interface Draft {
  effectiveFrom: string;
  note: string;
  labour: { productLine: string; difficulty: Difficulty; perVisit: string; perHour: string }[];
  callout: string;
  travelTrip: string;
  travelKm: string;
  lodging: string;
  meals: string;
  taxRate: string;
  expensesCovered: boolean;
  repairWarrantyDays: string;
  discountShare: string;
  replaceShare: string;
  modelValues: { modelId: string; value: string }[];
}

const bpText = (bp: number) => yuanInput(bp).replace(/\.00$/, '');

function draftOf(std: FeeStandard | null, today: string): Draft {
  const r: FeeRules | null = std?.rules ?? null;
  return {
    effectiveFrom: today,
    note: '',
    labour: (r?.labour ?? []).map((l) => ({ productLine: l.productLine, difficulty: l.difficulty, perVisit: yuanInput(l.perVisitFen), perHour: yuanInput(l.perHourFen) })),
    callout: yuanInput(r?.calloutFen ?? 0),
    travelTrip: yuanInput(r?.travelPerTripFen ?? 0),
    travelKm: yuanInput(r?.travelPerKmFen ?? 0),
    lodging: yuanInput(r?.lodgingPerNightFen ?? 0),
    meals: yuanInput(r?.mealsPerDayFen ?? 0),
    taxRate: bpText(r?.taxRateBp ?? 0),
    expensesCovered: r?.expensesCoveredInWarranty ?? true,
    repairWarrantyDays: String(r?.repairWarrantyDays ?? 90),
    discountShare: bpText(r?.discountApprovalShareBp ?? 1000),
    replaceShare: bpText(r?.replaceShareBp ?? 5000),
    modelValues: (r?.modelValues ?? []).map((m) => ({ modelId: String(m.modelId), value: yuanInput(m.valueFen) })),
  };
}

/** Yuan and percents typed → fen and basis points; the first unreadable field is named. */
function rulesOf(d: Draft): { rules: FeeRules } | { bad: string } {
  const money = (text: string, where: string) => {
    const v = parseYuan(text);
    if (v === null) throw new Error(where);
    return v;
  };
  try {
    const days = /^\d{1,4}$/.test(d.repairWarrantyDays.trim()) ? Number(d.repairWarrantyDays) : Number.NaN;
    if (Number.isNaN(days)) throw new Error('repairWarrantyDays');
    return {
      rules: {
        labour: d.labour.map((l, i) => ({ productLine: l.productLine.trim(), difficulty: l.difficulty, perVisitFen: money(l.perVisit, `labour.${i}`), perHourFen: money(l.perHour, `labour.${i}`) })),
        calloutFen: money(d.callout, 'callout'),
        travelPerTripFen: money(d.travelTrip, 'travelTrip'),
        travelPerKmFen: money(d.travelKm, 'travelKm'),
        lodgingPerNightFen: money(d.lodging, 'lodging'),
        mealsPerDayFen: money(d.meals, 'meals'),
        taxRateBp: money(d.taxRate, 'taxRate'),
        expensesCoveredInWarranty: d.expensesCovered,
        repairWarrantyDays: days,
        discountApprovalShareBp: money(d.discountShare, 'discountShare'),
        replaceShareBp: money(d.replaceShare, 'replaceShare'),
        modelValues: d.modelValues.filter((m) => m.modelId).map((m, i) => ({ modelId: Number(m.modelId), valueFen: money(m.value, `modelValues.${i}`) })),
      },
    };
  } catch (e) {
    return { bad: (e as Error).message };
  }
}

/** Part prices are not part of the standard: they live in 备件库存, where this leads. */
function PartPricesNote() {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="std-parts-note">
      <Text fw={600} size="sm">
        {t('ui.fees.standard.parts')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('ui.fees.standard.partsInCatalogue')}
      </Text>
      <Anchor component={Link} to="/parts" size="sm" data-testid="std-parts-link">
        <Group gap={4}>
          <IconPackage size={14} />
          {t('ui.fees.standard.openParts')}
        </Group>
      </Anchor>
    </Stack>
  );
}

/** 收费标准: the admin publishes a new version from an effective date; the versions stay listed, never edited. */
export default function FeeStandardPage() {
  const { t } = useTranslation();
  const standards = useApi('fees.standard.get', { date: null });
  const settings = useApi('settings.get', {});
  if (standards.error) return <Alert color="red">{standards.error.message}</Alert>;
  if (!standards.data || !settings.data)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: settings.data.timeZone }).format(deskNow());
  const current = standards.data.current;
  return (
    <Stack gap="sm" maw={1200} data-testid="fee-standard">
      <Title order={3}>{t('ui.fees.standard.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('ui.fees.standard.hint')}
      </Text>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <StandardForm key={current?.id ?? 0} initial={draftOf(current, today)} onPublished={standards.reload} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Paper withBorder p="sm">
            <Title order={6} mb="xs">
              {t('ui.fees.standard.versions')}
            </Title>
            {standards.data.versions.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('ui.fees.standard.none')}
              </Text>
            )}
            <Stack gap={6}>
              {standards.data.versions.map((v) => (
                <Stack key={v.id} gap={0} data-testid="standard-version">
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {t('ui.fees.calc.standardFrom', { date: v.effectiveFrom })}
                    </Text>
                    {v.id === current?.id && (
                      <Badge size="xs" color="teal" tt="none">
                        {t('ui.fees.standard.current')}
                      </Badge>
                    )}
                  </Group>
                  {v.note && (
                    <Text size="xs" c="dimmed">
                      {v.note}
                    </Text>
                  )}
                </Stack>
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function StandardForm({ initial, onPublished }: { initial: Draft; onPublished: () => void }) {
  const { t } = useTranslation();
  const models = useApi('models.list', {});
  const [d, setD] = useState<Draft>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setD((old) => ({ ...old, ...patch }));
  const onKeyDown = useEnterNavigation(() => void publish());

  async function publish() {
    const out = rulesOf(d);
    if ('bad' in out) {
      setError(`${t('ui.fees.calc.badMoney')} (${out.bad})`);
      return;
    }
    setBusy(true);
    const r = await call('fees.standard.publish', { effectiveFrom: d.effectiveFrom, note: d.note, rules: out.rules });
    setBusy(false);
    if (!r.ok) {
      const fields = Object.entries(r.error.fields ?? {}).map(([k, v]) => `${k}: ${v}`);
      setError([r.error.message, ...fields].join('；'));
      return;
    }
    setError(null);
    notifications.show({ color: 'teal', message: t('ui.fees.standard.published') });
    onPublished();
  }

  const money = (key: 'callout' | 'travelTrip' | 'travelKm' | 'lodging' | 'meals', label: string) => (
    <TextInput label={label} value={d[key]} onChange={(e) => set({ [key]: e.currentTarget.value })} inputMode="decimal" data-testid={`std-${key}`} />
  );

  return (
    <Paper withBorder p="sm" onKeyDown={onKeyDown}>
      <Stack gap="sm">
        <Group align="flex-end">
          <DateField label={t('ui.fees.standard.effectiveFrom')} value={d.effectiveFrom} onChange={(value) => set({ effectiveFrom: value })} w={180} data-testid="std-effective" />
          <TextInput label={t('ui.fees.standard.note')} value={d.note} onChange={(e) => set({ note: e.currentTarget.value })} maxLength={200} style={{ flex: 1 }} data-testid="std-note" />
        </Group>
        <Text fw={600} size="sm">
          {t('ui.fees.standard.labour')}
        </Text>
        <Table verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.fees.standard.productLine')}</Table.Th>
              <Table.Th>{t('ui.fees.standard.difficulty')}</Table.Th>
              <Table.Th>{t('ui.fees.standard.perVisit')}</Table.Th>
              <Table.Th>{t('ui.fees.standard.perHour')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.labour.map((l, i) => {
              const put = (patch: Partial<typeof l>) => set({ labour: d.labour.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              return (
                <Table.Tr key={i} data-testid="std-labour">
                  <Table.Td>
                    <TextInput size="xs" value={l.productLine} onChange={(e) => put({ productLine: e.currentTarget.value })} maxLength={40} aria-label={t('ui.fees.standard.productLine')} />
                  </Table.Td>
                  <Table.Td>
                    <Select size="xs" w={110} data={DIFFICULTIES.map((x) => ({ value: x, label: t(`ui.fees.difficulty.${x}`) }))} value={l.difficulty} onChange={(v) => v && put({ difficulty: v as Difficulty })} allowDeselect={false} aria-label={t('ui.fees.standard.difficulty')} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" w={100} value={l.perVisit} onChange={(e) => put({ perVisit: e.currentTarget.value })} aria-label={t('ui.fees.standard.perVisit')} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" w={100} value={l.perHour} onChange={(e) => put({ perHour: e.currentTarget.value })} aria-label={t('ui.fees.standard.perHour')} />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="gray" onClick={() => set({ labour: d.labour.filter((_, j) => j !== i) })} aria-label={t('ui.fees.calc.remove')} data-skip-enter>
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group>
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={12} />} onClick={() => set({ labour: [...d.labour, { productLine: '', difficulty: 'standard', perVisit: '0', perHour: '0' }] })} data-testid="std-add-labour" data-skip-enter>
            {t('ui.fees.standard.addRow')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 2, md: 5 }}>
          {money('callout', t('ui.fees.standard.callout'))}
          {money('travelTrip', t('ui.fees.standard.travelTrip'))}
          {money('travelKm', t('ui.fees.standard.travelKm'))}
          {money('lodging', t('ui.fees.standard.lodging'))}
          {money('meals', t('ui.fees.standard.meals'))}
        </SimpleGrid>
        <PartPricesNote />
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <TextInput label={t('ui.fees.standard.taxRate')} value={d.taxRate} onChange={(e) => set({ taxRate: e.currentTarget.value })} data-testid="std-tax" />
          <TextInput label={t('ui.fees.standard.repairWarrantyDays')} value={d.repairWarrantyDays} onChange={(e) => set({ repairWarrantyDays: e.currentTarget.value })} data-testid="std-repair-days" />
          <TextInput label={t('ui.fees.standard.discountShare')} value={d.discountShare} onChange={(e) => set({ discountShare: e.currentTarget.value })} data-testid="std-discount-share" />
          <TextInput label={t('ui.fees.standard.replaceShare')} value={d.replaceShare} onChange={(e) => set({ replaceShare: e.currentTarget.value })} data-testid="std-replace-share" />
        </SimpleGrid>
        <Checkbox label={t('ui.fees.standard.expensesCovered')} checked={d.expensesCovered} onChange={(e) => set({ expensesCovered: e.currentTarget.checked })} />
        <Text fw={600} size="sm">
          {t('ui.fees.standard.modelValues')}
        </Text>
        {d.modelValues.map((m, i) => {
          const put = (patch: Partial<typeof m>) => set({ modelValues: d.modelValues.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
          return (
            <Group key={i} gap="xs">
              <Select size="xs" w={260} searchable data={(models.data ?? []).map((x) => ({ value: String(x.id), label: `${x.code} ${x.name}` }))} value={m.modelId || null} onChange={(v) => put({ modelId: v ?? '' })} aria-label={t('ui.fees.standard.model')} />
              <TextInput size="xs" w={120} value={m.value} onChange={(e) => put({ value: e.currentTarget.value })} aria-label={t('ui.fees.standard.value')} placeholder={t('ui.fees.standard.value')} />
              <ActionIcon variant="subtle" color="gray" onClick={() => set({ modelValues: d.modelValues.filter((_, j) => j !== i) })} aria-label={t('ui.fees.calc.remove')} data-skip-enter>
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={12} />} onClick={() => set({ modelValues: [...d.modelValues, { modelId: '', value: '0' }] })} data-skip-enter>
            {t('ui.fees.standard.addRow')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert" data-testid="std-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button leftSection={<IconUpload size={16} />} onClick={() => void publish()} loading={busy} data-testid="std-publish">
            {t('ui.fees.standard.publish')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
