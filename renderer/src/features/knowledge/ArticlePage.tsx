import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Center, Grid, Group, Loader, Paper, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconEye, IconThumbUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ArticleDetail, ArticleMove } from '../../../../shared/domain/knowledge';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { AttachmentThumb } from '../lifecycle/AttachmentThumb';
import { SectionTitle } from '../../components/SectionTitle';

const SECTIONS = ['symptom', 'cause', 'selfCheck', 'solution', 'prevention', 'notes'] as const;
const MOVE_COLORS: Record<ArticleMove, string> = { submit: 'blue', approve: 'green', sendBack: 'orange', archive: 'gray' };

function Section({ label, text, testId }: { label: string; text: string; testId: string }) {
  if (!text.trim()) return null;
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <SectionTitle title={label} mb={4} />
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </Paper>
  );
}

/** One article: its text, "this helped", counts, the review moves the caller may make, and its history. */
export default function ArticlePage() {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [countView] = useState(true);
  const article = useApi('knowledge.get', { id, countView }, Number.isInteger(id) && id > 0);
  const [local, setLocal] = useState<ArticleDetail | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const d = local && local.id === id ? local : article.data;

  async function reload() {
    const r = await call('knowledge.get', { id, countView: false });
    if (r.ok) setLocal(r.value);
  }
  // Someone else's review or edit shows up without a reload (and without counting another view).
  useChangeEvents(() => void reload());

  async function move(m: ArticleMove) {
    if (!d) return;
    setBusy(true);
    const r = await call('knowledge.move', { id: d.id, version: d.version, move: m, comment });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.fields?.comment ? `${r.error.message} ${r.error.fields.comment}` : r.error.message);
      return;
    }
    setError(null);
    setComment('');
    if (r.value.id !== d.id) void navigate(`/knowledge/${r.value.id}`);
    else await reload();
  }

  async function helped() {
    if (!d) return;
    const r = await call('knowledge.helped', { id: d.id, helped: !d.helpedByMe });
    if (r.ok) setLocal({ ...d, helpedCount: r.value.helpedCount, helpedByMe: r.value.helpedByMe });
    else setError(r.error.message);
  }

  if (article.error) return <Alert color="red">{article.error.message}</Alert>;
  if (!d)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  const reviewing = d.moves.includes('sendBack') || d.moves.includes('approve');
  return (
    <Stack gap="sm" maw={1200} data-testid="article-page">
      <Anchor component={Link} to="/knowledge" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('ui.knowledge.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={3} data-testid="article-title">
              {d.title}
            </Title>
            <Badge variant="light" color={d.state === 'published' ? 'green' : d.state === 'in_review' ? 'orange' : 'gray'} tt="none" data-testid="article-state">
              {t(`articleState.${d.state}`)}
            </Badge>
            {d.models.map((m) => (
              <Badge key={m.id} variant="outline" tt="none">
                {m.code} {m.name}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            {t('ui.knowledge.byline', { author: d.author.name, revision: d.revision, at: formatDateTime(d.updatedAt, i18n.language, timeZone) })}
            {d.reviewer ? ` · ${t('ui.knowledge.reviewedBy', { name: d.reviewer.name })}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          <Group gap={4}>
            <IconEye size={16} />
            <Text size="sm" data-testid="article-views">
              {t('ui.knowledge.views', { count: d.viewCount })}
            </Text>
          </Group>
          {d.state === 'published' && (
            <Button
              variant={d.helpedByMe ? 'filled' : 'light'}
              color="teal"
              leftSection={<IconThumbUp size={16} />}
              onClick={() => void helped()}
              data-testid="article-helped"
              aria-pressed={d.helpedByMe}
            >
              {t('ui.knowledge.helped', { count: d.helpedCount })}
            </Button>
          )}
          {d.editable && (
            <Button variant="light" leftSection={<IconEdit size={16} />} component={Link} to={`/knowledge/${d.id}/edit`} data-testid="article-edit">
              {d.state === 'published' ? t('ui.knowledge.revise') : t('ui.common.edit')}
            </Button>
          )}
        </Group>
      </Group>
      {d.revisionOf && (
        <Alert color="blue" data-testid="article-revision-of">
          {t('ui.knowledge.revisionOf')}{' '}
          <Anchor component={Link} to={`/knowledge/${d.revisionOf.id}`}>
            {d.revisionOf.title}
          </Anchor>
        </Alert>
      )}
      {d.openRevisionId !== null && (
        <Alert color="blue">
          <Anchor component={Link} to={`/knowledge/${d.openRevisionId}`}>
            {t('ui.knowledge.openRevision', { id: d.openRevisionId })}
          </Anchor>
        </Alert>
      )}
      {d.state === 'draft' && d.reviewComment && (
        <Alert color="orange" title={t('ui.knowledge.sentBack')} data-testid="article-review-comment">
          {d.reviewComment}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" data-testid="article-error">
          {error}
        </Alert>
      )}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            {SECTIONS.map((s) => (
              <Section key={s} label={t(`ui.knowledge.field.${s}`)} text={d[s]} testId={`article-${s}`} />
            ))}
            {d.attachments.length > 0 && (
              <Paper withBorder p="sm">
                <SectionTitle title={t('ui.knowledge.attachments')} mb={4} />
                <Group gap="xs" data-testid="article-attachments">
                  {d.attachments.map((a) => (
                    <AttachmentThumb key={a.id} attachment={a} />
                  ))}
                </Group>
              </Paper>
            )}
            {d.sourceTicket && (
              <Text size="xs" c="dimmed">
                {t('ui.knowledge.fromTicket')}{' '}
                <Anchor component={Link} to={`/tickets/${d.sourceTicket.id}`} size="xs">
                  {d.sourceTicket.number}
                </Anchor>
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            {d.moves.length > 0 && (
              <Paper withBorder p="sm" data-testid="article-moves">
                <SectionTitle title={reviewing ? t('ui.knowledge.review') : t('ui.knowledge.actions')} />
                {reviewing && (
                  <Textarea
                    label={t('ui.knowledge.comment')}
                    description={t('ui.knowledge.commentHint')}
                    autosize
                    minRows={2}
                    value={comment}
                    maxLength={2000}
                    onChange={(e) => setComment(e.currentTarget.value)}
                    mb="xs"
                    data-testid="review-comment"
                  />
                )}
                <Group gap="xs">
                  {d.moves.map((m) => (
                    <Button key={m} color={MOVE_COLORS[m]} loading={busy} onClick={() => void move(m)} data-testid={`article-move-${m}`}>
                      {t(`ui.knowledge.move.${m}`)}
                    </Button>
                  ))}
                </Group>
              </Paper>
            )}
            <Paper withBorder p="sm" data-testid="article-history">
              <SectionTitle title={t('ui.knowledge.history')} mb="sm" />
              <Timeline active={d.events.length - 1} bulletSize={14} lineWidth={2}>
                {d.events.map((e) => (
                  <Timeline.Item key={e.id} title={<Text size="sm" fw={600}>{t(`knowledgeEvent.${e.kind}`, { defaultValue: e.kind })}</Text>} data-testid="history-item" data-kind={e.kind}>
                    <Text size="xs" c="dimmed">
                      {e.actorName} · {formatDateTime(e.at, i18n.language, timeZone)}
                    </Text>
                    {e.note && (
                      <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                        {e.note}
                      </Text>
                    )}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
