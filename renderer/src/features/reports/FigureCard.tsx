import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatFigure, trendOf, type Figure } from './figures';

const TREND_COLOR = { 1: 'teal', 0: 'gray', [-1]: 'red' } as const;

/** One key figure against its target and the previous period; a link to the tickets behind it where there is one. */
export function FigureCard({ figure }: { figure: Figure }) {
  const { t, i18n } = useTranslation();
  const fmt = (v: number | null) => formatFigure(v, figure.kind, i18n.language, t('ui.common.none'));
  const trend = trendOf(figure);
  const Arrow = figure.value !== null && figure.previous !== null && figure.value < figure.previous ? IconArrowDownRight : IconArrowUpRight;
  const met = figure.target === undefined || figure.value === null ? null : figure.value >= figure.target;
  const note = figure.note === undefined ? undefined : t(`report.note.${figure.note}`);
  const body = (
    <Stack gap={4}>
      <Text size="sm" c="dimmed" lineClamp={1} title={t(`report.row.${figure.label}`)}>
        {t(`report.row.${figure.label}`)}
      </Text>
      <Group gap="xs" align="baseline" wrap="nowrap">
        <Text fz={28} fw={700} lh={1.1} data-testid={`figure-${figure.id}`}>
          {fmt(figure.value)}
        </Text>
        {met !== null && (
          <Badge size="sm" variant="light" color={met ? 'teal' : 'red'}>
            {t(met ? 'ui.stats.met' : 'ui.stats.missed')}
          </Badge>
        )}
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c={TREND_COLOR[trend]} style={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          {trend !== 0 && <Arrow size={12} aria-hidden />}
          {t('ui.stats.previous', { value: fmt(figure.previous) })}
        </Text>
        {figure.target !== undefined && (
          <Text size="xs" c="dimmed">
            {t('ui.stats.target', { value: formatFigure(figure.target, 'rate', i18n.language, '') })}
          </Text>
        )}
      </Group>
      {figure.to !== undefined && (
        <Text size="xs" c="blue" style={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          {t('ui.stats.openList')}
          <IconArrowRight size={12} aria-hidden />
        </Text>
      )}
    </Stack>
  );
  if (figure.to === undefined) {
    return (
      <Paper withBorder p="sm" radius="md" data-testid={`card-${figure.id}`} title={note}>
        {body}
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" radius="md" component={Link} to={figure.to} data-testid={`card-${figure.id}`} title={note} style={{ textDecoration: 'none', color: 'inherit' }}>
      {body}
    </Paper>
  );
}
