import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconEye, IconThumbUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ArticleHit } from '../../../../shared/domain/knowledge';
import { Highlighted } from './Highlighted';

/** One search result: title and symptom with the matches marked, a piece of the best matching text, counts. */
export function ArticleHitCard({ hit, onOpen }: { hit: ArticleHit; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton onClick={onOpen} data-testid="article-hit" data-id={hit.id}>
      <Paper withBorder p="sm">
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600} data-testid="article-hit-title">
              <Highlighted text={hit.title} marks={hit.marks} />
            </Text>
            <Group gap={6} wrap="nowrap">
              {hit.state !== 'published' && (
                <Badge size="sm" variant="light" color={hit.state === 'in_review' ? 'orange' : 'gray'} tt="none">
                  {t(`articleState.${hit.state}`)}
                </Badge>
              )}
              {hit.models.map((m) => (
                <Badge key={m.id} size="sm" variant="outline" tt="none">
                  {m.code}
                </Badge>
              ))}
            </Group>
          </Group>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('ui.knowledge.symptom')}：
            </Text>
            <Highlighted text={hit.symptom} marks={hit.marks} />
          </Text>
          {hit.snippet && (
            <Text size="xs" c="dimmed">
              <Highlighted text={hit.snippet} marks={hit.marks} />
            </Text>
          )}
          <Group gap="md">
            <Group gap={4}>
              <IconEye size={14} />
              <Text size="xs" c="dimmed">
                {t('ui.knowledge.views', { count: hit.viewCount })}
              </Text>
            </Group>
            <Group gap={4}>
              <IconThumbUp size={14} />
              <Text size="xs" c="dimmed">
                {t('ui.knowledge.helpedCount', { count: hit.helpedCount })}
              </Text>
            </Group>
          </Group>
        </Stack>
      </Paper>
    </UnstyledButton>
  );
}
