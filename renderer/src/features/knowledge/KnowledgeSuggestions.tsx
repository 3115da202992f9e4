import { useEffect } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb, IconCheck, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { Highlighted } from './Highlighted';

export interface AttachedArticle {
  id: number;
  title: string;
}

interface Props {
  faultDescription: string;
  modelId: number | null;
  attached: AttachedArticle[];
  onChange: (attached: AttachedArticle[]) => void;
}

/**
 * Intake: knowledge articles matching the fault description as the clerk types (debounced), with one click
 * — or Alt+1..3 anywhere on the form — to attach an article's self-check steps to the ticket when it is saved.
 */
export function KnowledgeSuggestions({ faultDescription, modelId, attached, onChange }: Props) {
  const { t } = useTranslation();
  const [text] = useDebouncedValue(faultDescription.trim(), 300);
  const suggestions = useApi('knowledge.suggest', { faultDescription: text.slice(0, 10_000), modelId, limit: 3 }, text.length > 0);
  const hits = text.length > 0 ? (suggestions.data ?? []) : [];
  const isAttached = (id: number) => attached.some((a) => a.id === id);
  const toggle = (hit: { id: number; title: string }) =>
    onChange(isAttached(hit.id) ? attached.filter((a) => a.id !== hit.id) : [...attached, { id: hit.id, title: hit.title }]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.key);
      const hit = Number.isInteger(n) && n >= 1 ? hits[n - 1] : undefined;
      if (!hit) return;
      e.preventDefault();
      toggle(hit);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (hits.length === 0 && attached.length === 0) return null;
  return (
    <Paper withBorder p="xs" mt="xs" bg="yellow.0" data-testid="knowledge-suggestions">
      <Group gap={6} mb={4}>
        <IconBulb size={16} />
        <Text size="sm" fw={600}>
          {t('ui.knowledge.suggestTitle')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('ui.knowledge.suggestHint')}
        </Text>
      </Group>
      <Stack gap={4}>
        {hits.map((h, i) => (
          <Group key={h.id} justify="space-between" wrap="nowrap" data-testid="suggestion" data-id={h.id}>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Badge size="xs" variant="default">
                  Alt+{i + 1}
                </Badge>
                <Anchor href={`#/knowledge/${h.id}`} target="_blank" size="sm" fw={600} data-skip-enter tabIndex={-1}>
                  <Highlighted text={h.title} marks={h.marks} />
                </Anchor>
                {h.models.map((m) => (
                  <Badge key={m.id} size="xs" variant="outline" tt="none">
                    {m.code}
                  </Badge>
                ))}
              </Group>
              <Text size="xs" c="dimmed" truncate>
                <Highlighted text={h.symptom} marks={h.marks} />
              </Text>
            </Stack>
            <Button
              size="xs"
              variant={isAttached(h.id) ? 'filled' : 'light'}
              color={isAttached(h.id) ? 'teal' : 'blue'}
              leftSection={isAttached(h.id) ? <IconCheck size={14} /> : <IconPaperclip size={14} />}
              onClick={() => toggle(h)}
              data-skip-enter
              data-testid="suggestion-attach"
              aria-pressed={isAttached(h.id)}
            >
              {isAttached(h.id) ? t('ui.knowledge.attached') : t('ui.knowledge.attach')}
            </Button>
          </Group>
        ))}
        {attached
          .filter((a) => !hits.some((h) => h.id === a.id))
          .map((a) => (
            <Group key={a.id} justify="space-between" wrap="nowrap">
              <Text size="sm">{a.title}</Text>
              <Button size="xs" color="teal" leftSection={<IconCheck size={14} />} onClick={() => onChange(attached.filter((x) => x.id !== a.id))} data-skip-enter>
                {t('ui.knowledge.attached')}
              </Button>
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}
