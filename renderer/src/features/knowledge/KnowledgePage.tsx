import { useState } from 'react';
import { Alert, Button, Center, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChecklist, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ARTICLE_STATES, WRITERS, type ArticleState } from '../../../../shared/domain/knowledge';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { enumOptions } from '../../components/enum-options';
import { useSession } from '../auth/session-context';
import { ArticleHitCard } from './ArticleHitCard';

/** 知识库: the search box first (a clerk types while the customer talks), filters by model and state, results best first. */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [modelId, setModelId] = useState<string | null>(null);
  const [state, setState] = useState<string>('published');
  const [query] = useDebouncedValue(q, 250);
  const writer = WRITERS.includes(user.role);
  const reviewer = user.role === 'supervisor' || user.role === 'admin';
  const models = useApi('models.list', {});
  const states = state === 'mine' ? [...ARTICLE_STATES] : [state as ArticleState];
  const hits = useApi('knowledge.search', { q: query, modelId: modelId === null ? null : Number(modelId), states, mine: state === 'mine' });
  const queue = useApi('knowledge.search', { q: '', states: ['in_review'] }, reviewer);
  useChangeEvents(() => {
    hits.reload();
    if (reviewer) queue.reload();
  });
  const stateOptions = [
    ...enumOptions(ARTICLE_STATES, 'articleState', t).filter((o) => reviewer || o.value === 'published'),
    ...(writer ? [{ value: 'mine', label: t('ui.knowledge.mine') }] : []),
  ];
  return (
    <Stack gap="sm" maw={1000} data-testid="knowledge-page">
      <Group justify="space-between">
        <Title order={3}>{t('ui.knowledge.title')}</Title>
        <Group gap="xs">
          {reviewer && (
            <Button component={Link} to="/knowledge/review" variant="light" leftSection={<IconChecklist size={16} />} data-testid="review-queue-link">
              {t('ui.knowledge.reviewQueue', { count: queue.data?.length ?? 0 })}
            </Button>
          )}
          {writer && (
            <Button component={Link} to="/knowledge/new" leftSection={<IconPlus size={16} />} data-testid="new-article">
              {t('ui.knowledge.newArticle')}
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          autoFocus
          size="md"
          leftSection={<IconSearch size={18} />}
          label={t('ui.knowledge.search')}
          placeholder={t('ui.knowledge.searchPlaceholder')}
          value={q}
          maxLength={200}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            const first = hits.data?.[0];
            if (e.key === 'Enter' && !e.nativeEvent.isComposing && first) void navigate(`/knowledge/${first.id}`);
          }}
          data-testid="knowledge-search"
        />
        <Select
          w={200}
          label={t('ui.knowledge.model')}
          placeholder={t('ui.knowledge.allModels')}
          data={(models.data ?? []).map((m) => ({ value: String(m.id), label: `${m.code} ${m.name}` }))}
          value={modelId}
          onChange={setModelId}
          clearable
          searchable
          data-testid="knowledge-model"
        />
        {stateOptions.length > 1 && (
          <Select w={140} label={t('ui.knowledge.state')} data={stateOptions} value={state} onChange={(v) => v && setState(v)} allowDeselect={false} data-testid="knowledge-state" />
        )}
      </Group>
      {hits.error && <Alert color="red">{hits.error.message}</Alert>}
      {!hits.data && hits.loading && (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      )}
      {hits.data && (
        <Text size="xs" c="dimmed" data-testid="knowledge-count">
          {query.trim() ? t('ui.knowledge.found', { count: hits.data.length }) : t('ui.knowledge.newest')}
        </Text>
      )}
      <Stack gap="xs" data-testid="knowledge-results">
        {(hits.data ?? []).map((h) => (
          <ArticleHitCard key={h.id} hit={h} onOpen={() => void navigate(`/knowledge/${h.id}`)} />
        ))}
        {hits.data?.length === 0 && (
          <Text c="dimmed" size="sm" data-testid="knowledge-empty">
            {t('ui.knowledge.nothing')}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
