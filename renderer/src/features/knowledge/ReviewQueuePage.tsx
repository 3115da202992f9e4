import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { ArticleHitCard } from './ArticleHitCard';

/** 审核队列: articles submitted for review, oldest change last. */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useApi('knowledge.search', { q: '', states: ['in_review'], limit: 100 });
  useChangeEvents(list.reload);
  return (
    <Stack gap="sm" maw={1000} data-testid="review-queue">
      <Anchor component={Link} to="/knowledge" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('ui.knowledge.back')}
        </Group>
      </Anchor>
      <Title order={3}>{t('ui.knowledge.reviewTitle')}</Title>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {(list.data ?? []).map((h) => (
        <ArticleHitCard key={h.id} hit={h} onOpen={() => void navigate(`/knowledge/${h.id}`)} />
      ))}
      {list.data?.length === 0 && (
        <Text c="dimmed" size="sm" data-testid="review-empty">
          {t('ui.knowledge.reviewEmpty')}
        </Text>
      )}
    </Stack>
  );
}
