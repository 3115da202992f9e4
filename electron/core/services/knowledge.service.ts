/**
 * Knowledge base writes: drafts, revisions of published articles, review moves (rules in
 * shared/domain/knowledge), view counts and "this helped" marks, a draft from a resolved ticket, and an
 * article's self-check steps attached to a ticket. Every change is one transaction that also rewrites the
 * article's search index rows (knowledge_fts, knowledge_grams), so search never sees a half-saved article.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { ARTICLE_RULES, articleRefusal, canonical, editMode, gramsOf, type ArticleDetail, type ArticleState } from '../../../shared/domain/knowledge';
import { AppError, conflict, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import type { Tx } from '../db/db';
import { audit, created } from './audit';
import { storeAttachment } from './attachments';
import { articleDetail, bodyText } from './knowledge.query';

type Fields = ParsedInputOf<'knowledge.create'>;

interface Locked {
  id: number;
  version: number;
  state: ArticleState;
  author_id: number;
  revision_of: number | null;
  attachment_ids: string;
}

const refuse = (kind: string, params: Record<string, string | number> = {}) =>
  new AppError(kind === 'wrongRole' || kind === 'notAuthor' || kind === 'ownArticle' ? 'FORBIDDEN' : kind === 'commentRequired' ? 'VALIDATION' : 'CONFLICT', {
    key: `knowledge.${kind}`,
    params,
    ...(kind === 'commentRequired' ? { fields: { comment: { key: 'validation.required', params: {} } } } : {}),
  });

async function lockArticle(tx: Tx, id: number, version: number | null): Promise<Locked> {
  const [row] = await tx.query<Locked>('SELECT id, version, state, author_id, revision_of, attachment_ids FROM knowledge_articles WHERE id = ?', [id]);
  if (!row) throw notFound();
  if (version !== null && row.version !== version) throw conflict();
  return row;
}

/** Rewrites an article's rows in the search index from what is now in the table. */
export async function indexArticle(tx: Tx, id: number): Promise<void> {
  const [a] = await tx.query<{ title: string; symptom: string; cause: string; self_check: string; solution: string; prevention: string; notes: string }>(
    'SELECT title, symptom, cause, self_check, solution, prevention, notes FROM knowledge_articles WHERE id = ?',
    [id],
  );
  await tx.run('DELETE FROM knowledge_fts WHERE rowid = ?', [id]);
  await tx.run('DELETE FROM knowledge_grams WHERE article_id = ?', [id]);
  if (!a) return;
  const codes = await tx.query<{ code: string }>('SELECT p.code FROM knowledge_article_models m JOIN product_models p ON p.id = m.model_id WHERE m.article_id = ?', [id]);
  const body = bodyText(a, codes.map((c) => c.code));
  await tx.run('INSERT INTO knowledge_fts (rowid, title, symptom, body) VALUES (?, ?, ?, ?)', [id, canonical(a.title), canonical(a.symptom), canonical(body)]);
  const grams = [...gramsOf(`${a.title}\n${a.symptom}\n${body}`)].filter((g) => g.length <= 2);
  for (let i = 0; i < grams.length; i += 400) {
    const chunk = grams.slice(i, i + 400);
    await tx.run(`INSERT OR IGNORE INTO knowledge_grams (gram, article_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flatMap((g) => [g, id]));
  }
}

async function checkModels(tx: Tx, modelIds: readonly number[]): Promise<number[]> {
  const unique = [...new Set(modelIds)];
  if (unique.length === 0) return [];
  const rows = await tx.query<{ id: number }>(`SELECT id FROM product_models WHERE id IN (${unique.map(() => '?').join(',')})`, unique);
  if (rows.length !== unique.length) throw new AppError('NOT_FOUND', { key: 'modelMissing', fields: { modelIds: { key: 'error.modelMissing', params: {} } } });
  return unique;
}

async function setModels(tx: Tx, articleId: number, modelIds: readonly number[]): Promise<void> {
  await tx.run('DELETE FROM knowledge_article_models WHERE article_id = ?', [articleId]);
  for (const m of modelIds) await tx.insert('knowledge_article_models', { article_id: articleId, model_id: m });
}

async function storeFiles(ctx: CallContext, tx: Tx, at: string, by: number, files: Fields['files']): Promise<number[]> {
  const ids: number[] = [];
  for (const f of files) {
    ids.push(await storeAttachment(tx, ctx.dataDir, at, by, { ticketId: null, kind: f.mime.startsWith('image/') ? 'photo' : 'file', fileName: f.fileName, mime: f.mime, bytes: Buffer.from(f.dataBase64, 'base64') }));
  }
  return ids;
}

function contentColumns(input: Omit<Fields, 'files' | 'modelIds'>) {
  return {
    title: input.title,
    symptom: input.symptom,
    cause: input.cause,
    self_check: input.selfCheck,
    solution: input.solution,
    prevention: input.prevention,
    notes: input.notes,
  };
}

async function event(tx: Tx, articleId: number, at: string, by: number, kind: string, from: ArticleState | null, to: ArticleState | null, note: string | null): Promise<void> {
  await tx.insert('knowledge_events', { article_id: articleId, at, actor_id: by, kind, from_state: from, to_state: to, note });
}

/** Inserts a draft (a new article, a revision, or one prefilled from a ticket) with its models, files, history and index rows. */
async function insertDraft(
  ctx: CallContext,
  tx: Tx,
  input: Fields,
  extra: { revisionOf?: number; sourceTicketId?: number | null; attachmentIds?: number[]; kind: string; note?: string | null },
): Promise<number> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  const models = await checkModels(tx, input.modelIds);
  const files = await storeFiles(ctx, tx, at, me.id, input.files);
  const row = {
    state: 'draft',
    ...contentColumns(input),
    attachment_ids: JSON.stringify([...(extra.attachmentIds ?? []), ...files]),
    author_id: me.id,
    source_ticket_id: extra.sourceTicketId ?? null,
    revision_of: extra.revisionOf ?? null,
  };
  const id = await tx.insert('knowledge_articles', { ...row, ...created(at, me.id) });
  await setModels(tx, id, models);
  await event(tx, id, at, me.id, extra.kind, null, 'draft', extra.note ?? null);
  await audit(tx, at, me.id, 'knowledge_articles', id, 'create', null, row);
  await indexArticle(tx, id);
  return id;
}

export async function createArticle(ctx: CallContext, input: ParsedInputOf<'knowledge.create'>): Promise<ArticleDetail> {
  const id = await ctx.db.write((tx) => insertDraft(ctx, tx, input, { kind: 'created' }));
  ctx.notify('knowledge');
  return articleDetail(ctx, id);
}

/** A draft is rewritten in place; a published article gets a revision draft (its text stays until the revision is approved). */
export async function updateArticle(ctx: CallContext, input: ParsedInputOf<'knowledge.update'>): Promise<ArticleDetail> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  const id = await ctx.db.write(async (tx) => {
    const rec = await lockArticle(tx, input.id, input.version);
    const mode = editMode(rec.state, me.role, rec.author_id === me.id);
    const before: number[] = JSON.parse(rec.attachment_ids);
    const kept = before.filter((a) => input.keepAttachmentIds.includes(a));
    if (mode === 'revision') {
      const [open] = await tx.query<{ id: number }>("SELECT id FROM knowledge_articles WHERE revision_of = ? AND state IN ('draft', 'in_review')", [rec.id]);
      if (open) throw refuse('revisionOpen', { id: open.id });
      const [src] = await tx.query<{ source_ticket_id: number | null }>('SELECT source_ticket_id FROM knowledge_articles WHERE id = ?', [rec.id]);
      const revision = await insertDraft(ctx, tx, input, { revisionOf: rec.id, sourceTicketId: src?.source_ticket_id ?? null, attachmentIds: kept, kind: 'revisionStarted' });
      await event(tx, rec.id, at, me.id, 'revisionStarted', null, null, `#${revision}`);
      return revision;
    }
    if (mode !== 'inPlace') throw refuse(mode, { state: rec.state });
    const models = await checkModels(tx, input.modelIds);
    const files = await storeFiles(ctx, tx, at, me.id, input.files);
    const [old] = await tx.query<Record<string, unknown>>('SELECT * FROM knowledge_articles WHERE id = ?', [rec.id]);
    const values = { ...contentColumns(input), attachment_ids: JSON.stringify([...kept, ...files]) };
    const sets = Object.keys(values).map((c) => `${c} = ?, `).join('');
    const changed = await tx.run(`UPDATE knowledge_articles SET ${sets}updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?`, [
      ...Object.values(values), at, me.id, rec.id, rec.version,
    ]);
    if (changed !== 1) throw conflict();
    await setModels(tx, rec.id, models);
    await event(tx, rec.id, at, me.id, 'edited', null, null, null);
    await audit(tx, at, me.id, 'knowledge_articles', rec.id, 'update', old ?? null, { ...old, ...values });
    await indexArticle(tx, rec.id);
    return rec.id;
  });
  ctx.notify('knowledge');
  return articleDetail(ctx, id);
}

export async function moveArticle(ctx: CallContext, input: ParsedInputOf<'knowledge.move'>): Promise<{ id: number; state: ArticleState }> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  const rule = ARTICLE_RULES[input.move];
  const comment = input.comment.trim();
  const result = await ctx.db.write(async (tx) => {
    const rec = await lockArticle(tx, input.id, input.version);
    const why = articleRefusal(input.move, rec.state, me.role, rec.author_id === me.id, comment);
    if (why) throw refuse(why, { state: rec.state });
    const values: Record<string, unknown> = { state: rule.to };
    if (input.move === 'submit') values.submitted_at = at;
    if (input.move === 'approve' || input.move === 'sendBack') Object.assign(values, { reviewer_id: me.id, review_comment: comment });
    if (input.move === 'approve') values.published_at = at;
    if (input.move === 'archive') values.archived_at = at;
    let resultId = rec.id;
    let resultState: ArticleState = rule.to;
    if (input.move === 'approve' && rec.revision_of !== null) {
      // An approved revision becomes the published article's text; the revision row is kept, archived.
      const [orig] = await tx.query<{ id: number; state: ArticleState; version: number }>('SELECT id, state, version FROM knowledge_articles WHERE id = ?', [rec.revision_of]);
      if (!orig || orig.state !== 'published') throw refuse('wrongState', { state: orig?.state ?? '' });
      const [rev] = await tx.query<Record<string, unknown>>('SELECT title, symptom, cause, self_check, solution, prevention, notes, attachment_ids FROM knowledge_articles WHERE id = ?', [rec.id]);
      await tx.run(
        `UPDATE knowledge_articles SET title = ?, symptom = ?, cause = ?, self_check = ?, solution = ?, prevention = ?, notes = ?, attachment_ids = ?,
         reviewer_id = ?, review_comment = ?, published_at = ?, revision = revision + 1, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
        [rev!.title, rev!.symptom, rev!.cause, rev!.self_check, rev!.solution, rev!.prevention, rev!.notes, rev!.attachment_ids, me.id, comment, at, at, me.id, orig.id],
      );
      const models = await tx.query<{ model_id: number }>('SELECT model_id FROM knowledge_article_models WHERE article_id = ?', [rec.id]);
      await setModels(tx, orig.id, models.map((m) => m.model_id));
      await event(tx, orig.id, at, me.id, 'revised', null, null, comment || `#${rec.id}`);
      await audit(tx, at, me.id, 'knowledge_articles', orig.id, 'update', null, { revisedFrom: rec.id });
      await indexArticle(tx, orig.id);
      Object.assign(values, { state: 'archived', archived_at: at });
      resultId = orig.id;
      resultState = 'published';
    }
    const sets = Object.keys(values).map((c) => `${c} = ?, `).join('');
    const changed = await tx.run(`UPDATE knowledge_articles SET ${sets}updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?`, [
      ...Object.values(values), at, me.id, rec.id, rec.version,
    ]);
    if (changed !== 1) throw conflict();
    await event(tx, rec.id, at, me.id, input.move, rec.state, values.state as ArticleState, comment || null);
    await audit(tx, at, me.id, 'knowledge_articles', rec.id, 'update', { state: rec.state }, values);
    return { id: resultId, state: resultState };
  });
  ctx.notify('knowledge');
  return result;
}

/** Opening an article counts a view, except by its author. */
export async function getArticle(ctx: CallContext, input: ParsedInputOf<'knowledge.get'>): Promise<ArticleDetail> {
  const detail = await articleDetail(ctx, input.id);
  if (input.countView && detail.state === 'published' && detail.author.id !== actor(ctx).id) {
    await ctx.db.write((tx) => tx.run('UPDATE knowledge_articles SET view_count = view_count + 1 WHERE id = ?', [input.id]));
    return { ...detail, viewCount: detail.viewCount + 1 };
  }
  return detail;
}

export async function markHelped(ctx: CallContext, input: ParsedInputOf<'knowledge.helped'>): Promise<{ helpedCount: number; helpedByMe: boolean }> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  const count = await ctx.db.write(async (tx) => {
    const [a] = await tx.query<{ state: ArticleState }>('SELECT state FROM knowledge_articles WHERE id = ?', [input.id]);
    if (!a) throw notFound();
    if (a.state !== 'published') throw refuse('notPublished');
    if (input.helped) await tx.run('INSERT OR IGNORE INTO knowledge_helped (article_id, user_id, at) VALUES (?, ?, ?)', [input.id, me.id, at]);
    else await tx.run('DELETE FROM knowledge_helped WHERE article_id = ? AND user_id = ?', [input.id, me.id]);
    // Counted from the marks, so two clicks at once can never count twice.
    await tx.run('UPDATE knowledge_articles SET helped_count = (SELECT COUNT(*) FROM knowledge_helped WHERE article_id = ?) WHERE id = ?', [input.id, input.id]);
    const [row] = await tx.query<{ helped_count: number }>('SELECT helped_count FROM knowledge_articles WHERE id = ?', [input.id]);
    return row!.helped_count;
  });
  ctx.notify('knowledge');
  return { helpedCount: count, helpedByMe: input.helped };
}

/** Resolved: the customer accepted the service (accepted, follow-up, closed). */
const RESOLVED = ['accepted', 'follow_up', 'closed'];

function firstLine(text: string, max: number): string {
  const line = text.split(/[\n。！？!?]/).map((s) => s.trim()).find((s) => s !== '') ?? '';
  return [...line].slice(0, max).join('');
}

export async function articleFromTicket(ctx: CallContext, input: ParsedInputOf<'knowledge.fromTicket'>): Promise<ArticleDetail> {
  const id = await ctx.db.write(async (tx) => {
    const [t] = await tx.query<{
      id: number; number: string; status: string; model_id: number | null; fault_description: string; diagnosis: string; root_cause: string;
      repair_plan: string; remote_guidance: string; service_steps: string; service_problems: string; customer_tried: string;
    }>(
      `SELECT id, number, status, model_id, fault_description, diagnosis, root_cause, repair_plan, remote_guidance, service_steps, service_problems, customer_tried
       FROM tickets WHERE id = ?`,
      [input.ticketId],
    );
    if (!t) throw notFound();
    if (!RESOLVED.includes(t.status)) throw refuse('ticketNotResolved');
    const join = (...parts: string[]) => parts.map((p) => p.trim()).filter((p) => p !== '').join('\n');
    const fields: Fields = {
      title: firstLine(t.fault_description, 60) || t.number,
      modelIds: t.model_id === null ? [] : [t.model_id],
      symptom: [...t.fault_description].slice(0, 2000).join(''),
      cause: join(t.root_cause, t.diagnosis).slice(0, 4000),
      selfCheck: t.remote_guidance.slice(0, 4000),
      solution: join(t.repair_plan, t.service_steps).slice(0, 8000),
      prevention: '',
      notes: join(t.service_problems).slice(0, 2000),
      files: [],
    };
    return insertDraft(ctx, tx, fields, { sourceTicketId: t.id, kind: 'fromTicket', note: t.number });
  });
  ctx.notify('knowledge');
  return articleDetail(ctx, id);
}

/**
 * Puts a published article's self-check steps on a ticket's timeline and records the link; attaching the
 * same article twice changes nothing. Used by tickets.create (same transaction) and knowledge.attachToTicket.
 */
export async function attachArticle(tx: Tx, ticketId: number, articleId: number, at: string, by: number): Promise<void> {
  const [a] = await tx.query<{ id: number; state: ArticleState; title: string; self_check: string }>('SELECT id, state, title, self_check FROM knowledge_articles WHERE id = ?', [articleId]);
  if (!a) throw new AppError('NOT_FOUND', { key: 'knowledge.articleMissing' });
  if (a.state !== 'published') throw refuse('notPublished');
  const [linked] = await tx.query('SELECT id FROM ticket_articles WHERE ticket_id = ? AND article_id = ?', [ticketId, articleId]);
  if (linked) return;
  await tx.insert('ticket_articles', { ticket_id: ticketId, article_id: articleId, at, actor_id: by });
  const note = a.self_check.trim() === '' ? `《${a.title}》` : `《${a.title}》\n${a.self_check}`;
  await tx.insert('ticket_events', { ticket_id: ticketId, at, actor_id: by, kind: 'knowledgeAttached', from_status: null, to_status: null, note, data: JSON.stringify({ articleId }) });
}

export async function attachToTicket(ctx: CallContext, input: ParsedInputOf<'knowledge.attachToTicket'>): Promise<{ id: number }> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const [t] = await tx.query<{ status: string }>('SELECT status FROM tickets WHERE id = ?', [input.ticketId]);
    if (!t) throw notFound();
    if (t.status === 'closed' || t.status === 'cancelled') throw new AppError('CONFLICT', { key: 'move.archived' });
    await attachArticle(tx, input.ticketId, input.articleId, at, me.id);
  });
  ctx.notify('tickets');
  return { id: input.ticketId };
}
