import { useState } from 'react';
import { flushSync } from 'react-dom';
import { LeaveGuard } from '../../components/LeaveGuard';
import { Alert, Anchor, Button, Center, FileButton, Group, Loader, MultiSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconPaperclip, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { InputOf } from '../../../../shared/api/contract';
import { articleFields } from '../../../../shared/api/knowledge.schema';
import type { ArticleDetail } from '../../../../shared/domain/knowledge';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { checkInput, type FieldErrors } from '../../components/translate-problems';
import { useEnterNavigation } from '../../components/use-enter-navigation';

type Draft = Omit<InputOf<'knowledge.create'>, 'files' | 'modelIds'> & { modelIds: number[] };
type NewFile = NonNullable<InputOf<'knowledge.create'>['files']>[number];

const TEXTS = [
  ['symptom', 2000, 2],
  ['cause', 4000, 2],
  ['selfCheck', 4000, 3],
  ['solution', 8000, 3],
  ['prevention', 2000, 2],
  ['notes', 2000, 2],
] as const;

const MIMES: readonly NewFile['mime'][] = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain'];

function draftOf(a: ArticleDetail | null): Draft {
  return {
    title: a?.title ?? '',
    modelIds: a?.models.map((m) => m.id) ?? [],
    symptom: a?.symptom ?? '',
    cause: a?.cause ?? '',
    selfCheck: a?.selfCheck ?? '',
    solution: a?.solution ?? '',
    prevention: a?.prevention ?? '',
    notes: a?.notes ?? '',
  };
}

async function readFile(file: File): Promise<NewFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  // An unsupported type is refused by the schema check on save, worded like every other field problem.
  return { fileName: file.name, mime: file.type as NewFile['mime'], dataBase64: btoa(binary) };
}

function Form({ article }: { article: ArticleDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const models = useApi('models.list', {});
  const [draft, setDraft] = useState<Draft>(() => draftOf(article));
  const [keep, setKeep] = useState<number[]>(() => article?.attachments.map((a) => a.id) ?? []);
  const [files, setFiles] = useState<NewFile[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const changed = !saved && (JSON.stringify(draft) !== JSON.stringify(draftOf(article)) || files.length > 0 || keep.length !== (article?.attachments.length ?? 0));
  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));

  async function save() {
    if (busy) return;
    const input = { ...draft, files };
    const problems = checkInput(articleFields, input, t);
    setErrors(problems ?? {});
    setMessage(problems ? t('ui.intake.fixErrors') : null);
    if (problems) return;
    setBusy(true);
    const r = article
      ? await call('knowledge.update', { ...input, id: article.id, version: article.version, keepAttachmentIds: keep })
      : await call('knowledge.create', input);
    setBusy(false);
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setMessage(r.error.message);
      return;
    }
    // Saved: the page may be left without asking.
    flushSync(() => setSaved(true));
    void navigate(`/knowledge/${r.value.id}`);
  }

  const onKeyDown = useEnterNavigation(() => void save());
  const revising = article?.state === 'published';
  return (
    <Stack gap="sm" maw={1000} onKeyDown={onKeyDown} data-testid="article-editor">
      <LeaveGuard when={changed} />
      <Anchor component={Link} to={article ? `/knowledge/${article.id}` : '/knowledge'} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('ui.knowledge.back')}
        </Group>
      </Anchor>
      <Group justify="space-between">
        <Title order={3}>{article ? (revising ? t('ui.knowledge.reviseTitle') : t('ui.knowledge.editTitle')) : t('ui.knowledge.newArticle')}</Title>
        <Text size="xs" c="dimmed">
          {t('ui.knowledge.editorHint')}
        </Text>
      </Group>
      {revising && <Alert color="blue">{t('ui.knowledge.revisionHint')}</Alert>}
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <TextInput
            label={t('ui.knowledge.field.title')}
            required
            autoFocus
            maxLength={120}
            value={draft.title}
            error={errors.title}
            onChange={(e) => patch({ title: e.currentTarget.value })}
            data-testid="article-field-title"
          />
          <MultiSelect
            label={t('ui.knowledge.field.models')}
            placeholder={t('ui.knowledge.anyModel')}
            data={(models.data ?? []).map((m) => ({ value: String(m.id), label: `${m.code} ${m.name}` }))}
            value={draft.modelIds.map(String)}
            onChange={(v) => patch({ modelIds: v.map(Number) })}
            searchable
            clearable
            error={errors.modelIds}
            data-testid="article-field-models"
          />
          {TEXTS.map(([k, max, rows]) => (
            <Textarea
              key={k}
              label={t(`ui.knowledge.field.${k}`)}
              description={k === 'selfCheck' ? t('ui.knowledge.selfCheckHint') : undefined}
              required={k === 'symptom'}
              autosize
              minRows={rows}
              maxRows={12}
              maxLength={max}
              value={draft[k]}
              error={errors[k]}
              onChange={(e) => patch({ [k]: e.currentTarget.value })}
              data-testid={`article-field-${k}`}
            />
          ))}
          <Group gap="xs">
            <FileButton
              multiple
              accept={MIMES.join(',')}
              onChange={(list) => void Promise.all(list.map(readFile)).then((read) => setFiles((f) => [...f, ...read].slice(0, 6)))}
            >
              {(props) => (
                <Button {...props} variant="light" size="xs" leftSection={<IconPaperclip size={14} />} data-skip-enter>
                  {t('ui.knowledge.addFile')}
                </Button>
              )}
            </FileButton>
            {article?.attachments
              .filter((a) => keep.includes(a.id))
              .map((a) => (
                <Button key={a.id} size="xs" variant="default" rightSection={<IconX size={12} />} onClick={() => setKeep((k) => k.filter((x) => x !== a.id))} data-skip-enter>
                  {a.fileName}
                </Button>
              ))}
            {files.map((f, i) => (
              <Button key={`${f.fileName}-${i}`} size="xs" variant="default" rightSection={<IconX size={12} />} onClick={() => setFiles((l) => l.filter((_, j) => j !== i))} data-skip-enter>
                {f.fileName}
              </Button>
            ))}
          </Group>
        </Stack>
      </Paper>
      {message && (
        <Alert color="red" role="alert" data-testid="article-editor-error">
          {message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button size="md" onClick={() => void save()} loading={busy} data-testid="article-save">
          {revising ? t('ui.knowledge.saveRevision') : t('ui.knowledge.saveDraft')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The editor: a new draft (/knowledge/new) or an existing one (/knowledge/:id/edit; a published article gets a revision). */
export default function ArticleEditor() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const article = useApi('knowledge.get', { id: id ?? 1, countView: false }, id !== null);
  if (id === null) return <Form article={null} />;
  if (article.error) return <Alert color="red">{article.error.message}</Alert>;
  if (!article.data)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  return <Form key={article.data.id} article={article.data} />;
}
