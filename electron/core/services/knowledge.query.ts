/**
 * Knowledge base reads: search (Chinese-aware, see below), one article with its history, suggestions for the
 * intake form, and the articles linked to a ticket.
 *
 * Search: the query is cut into terms (shared/domain/knowledge `queryTerms`: synonyms folded, punctuation and
 * FTS syntax are separators, so user text never reaches MATCH as syntax). Candidates are the union of
 * - knowledge_fts (trigram) for terms of 3+ characters, each term passed as a quoted string;
 * - knowledge_grams for every 1–2 character piece of every term (what trigram cannot look up; also finds
 *   articles that share only pieces of a phrase), the articles with the most pieces first;
 * capped, filtered by what the caller may read, then ranked in TypeScript (`rankText`: title > symptom > body,
 * every word of a multi-word query counts) and cut to the limit.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import {
  bigramsOf,
  canRead,
  availableArticleMoves,
  editMode,
  queryTerms,
  rankText,
  snippet,
  type ArticleDetail,
  type ArticleHit,
  type ArticleState,
  type LinkedArticle,
} from '../../../shared/domain/knowledge';
import type { Role } from '../../../shared/domain/roles';
import { actor, type CallContext } from '../context';
import { notFound } from '../errors';

/** Candidates read before ranking: enough for any real knowledge base's matches, bounded for a query of common pieces. */
const CANDIDATES = 400;
const REVIEWERS: readonly Role[] = ['supervisor', 'admin'];

interface ArticleRow {
  id: number;
  state: ArticleState;
  title: string;
  symptom: string;
  cause: string;
  self_check: string;
  solution: string;
  prevention: string;
  notes: string;
  author_id: number;
  view_count: number;
  helped_count: number;
  updated_at: string;
}

/** The body text the index and the ranking see: everything but title and symptom, with the model codes. */
export function bodyText(a: Pick<ArticleRow, 'cause' | 'self_check' | 'solution' | 'prevention' | 'notes'>, modelCodes: readonly string[]): string {
  return [a.cause, a.self_check, a.solution, a.prevention, a.notes, modelCodes.join(' ')].join('\n');
}

async function modelsOf(ctx: CallContext, ids: number[]): Promise<Map<number, { id: number; code: string; name: string }[]>> {
  const out = new Map<number, { id: number; code: string; name: string }[]>();
  if (ids.length === 0) return out;
  const rows = await ctx.db.query<{ article_id: number; id: number; code: string; name: string }>(
    `SELECT m.article_id, p.id, p.code, p.name FROM knowledge_article_models m JOIN product_models p ON p.id = m.model_id
     WHERE m.article_id IN (${ids.map(() => '?').join(',')}) ORDER BY p.code`,
    ids,
  );
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push({ id: r.id, code: r.code, name: r.name });
    out.set(r.article_id, list);
  }
  return out;
}

/** The SQL condition (and its parameters) for the articles a caller may list in the states asked for. */
function visibility(role: Role, me: number, states: readonly ArticleState[], mine: boolean): { sql: string; params: unknown[] } {
  const wanted = states.length ? states : (['published'] as const);
  const marks = wanted.map(() => '?').join(',');
  if (mine) return { sql: `a.author_id = ? AND a.state IN (${marks})`, params: [me, ...wanted] };
  if (REVIEWERS.includes(role)) return { sql: `a.state IN (${marks})`, params: [...wanted] };
  // Others read published articles, and their own in any state asked for.
  return { sql: `a.state IN (${marks}) AND (a.state = 'published' OR a.author_id = ?)`, params: [...wanted, me] };
}

const ARTICLE_COLUMNS = 'a.id, a.state, a.title, a.symptom, a.cause, a.self_check, a.solution, a.prevention, a.notes, a.author_id, a.view_count, a.helped_count, a.updated_at';

async function candidates(ctx: CallContext, terms: readonly string[], where: { sql: string; params: unknown[] }): Promise<ArticleRow[]> {
  const ids = new Set<number>();
  const long = terms.filter((t) => [...t].length >= 3);
  if (long.length) {
    const match = long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
    const rows = await ctx.db.query<{ id: number }>(
      `SELECT knowledge_fts.rowid AS id FROM knowledge_fts JOIN knowledge_articles a ON a.id = knowledge_fts.rowid WHERE knowledge_fts MATCH ? AND ${where.sql} LIMIT ${CANDIDATES}`,
      [match, ...where.params],
    );
    for (const r of rows) ids.add(r.id);
  }
  const pieces = [...new Set(terms.flatMap((t) => bigramsOf(t)))];
  if (pieces.length) {
    const rows = await ctx.db.query<{ id: number }>(
      `SELECT g.article_id AS id FROM knowledge_grams g JOIN knowledge_articles a ON a.id = g.article_id
       WHERE g.gram IN (${pieces.map(() => '?').join(',')}) AND ${where.sql}
       GROUP BY g.article_id ORDER BY COUNT(*) DESC, g.article_id DESC LIMIT ${CANDIDATES}`,
      [...pieces, ...where.params],
    );
    for (const r of rows) ids.add(r.id);
  }
  if (ids.size === 0) return [];
  const list = [...ids];
  return ctx.db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM knowledge_articles a WHERE a.id IN (${list.map(() => '?').join(',')})`, list);
}

interface Scored {
  row: ArticleRow;
  score: number;
  marks: string[];
}

async function toHits(ctx: CallContext, scored: Scored[]): Promise<ArticleHit[]> {
  const models = await modelsOf(ctx, scored.map((s) => s.row.id));
  return scored.map(({ row, score, marks }) => {
    const body = [row.cause, row.self_check, row.solution].join(' ');
    const inSymptom = marks.some((m) => row.symptom.toLowerCase().includes(m));
    return {
      id: row.id,
      title: row.title,
      state: row.state,
      models: (models.get(row.id) ?? []).map((m) => ({ id: m.id, code: m.code })),
      symptom: snippet(row.symptom, marks, 80),
      snippet: inSymptom || marks.length === 0 ? snippet(row.cause || row.self_check, marks, 80) : snippet(body, marks, 80),
      marks,
      score,
      viewCount: row.view_count,
      helpedCount: row.helped_count,
      updatedAt: row.updated_at,
    };
  });
}

function rank(rows: ArticleRow[], terms: readonly string[], codes: Map<number, { code: string }[]>, boost: (r: ArticleRow) => number): Scored[] {
  const out: Scored[] = [];
  for (const row of rows) {
    const r = rankText(terms, { title: row.title, symptom: row.symptom, body: bodyText(row, (codes.get(row.id) ?? []).map((m) => m.code)) });
    if (r.score <= 0) continue;
    out.push({ row, score: Math.round(r.score * boost(row) * 100) / 100, marks: [...r.matched, ...r.pieces] });
  }
  return out.sort((a, b) => b.score - a.score || b.row.helped_count - a.row.helped_count || b.row.view_count - a.row.view_count || b.row.id - a.row.id);
}

export async function searchArticles(ctx: CallContext, input: ParsedInputOf<'knowledge.search'>): Promise<ArticleHit[]> {
  const me = actor(ctx);
  const where = visibility(me.role, me.id, input.states, input.mine);
  if (input.modelId !== null) {
    where.sql += ' AND EXISTS (SELECT 1 FROM knowledge_article_models m WHERE m.article_id = a.id AND m.model_id = ?)';
    where.params.push(input.modelId);
  }
  const terms = queryTerms(input.q);
  if (terms.length === 0) {
    const rows = await ctx.db.query<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM knowledge_articles a WHERE ${where.sql} ORDER BY a.updated_at DESC, a.id DESC LIMIT ?`,
      [...where.params, input.limit],
    );
    return toHits(ctx, rows.map((row) => ({ row, score: 0, marks: [] })));
  }
  const rows = await candidates(ctx, terms, where);
  const codes = await modelsOf(ctx, rows.map((r) => r.id));
  return toHits(ctx, rank(rows, terms, codes, () => 1).slice(0, input.limit));
}

/**
 * Suggestions while the clerk types the fault description: published articles only; an article about the
 * ticket's model ranks ×1.5, a general one ×1, one about other models only ×0.7 (still shown: the same
 * fault often hits sibling models).
 */
export async function suggestArticles(ctx: CallContext, input: ParsedInputOf<'knowledge.suggest'>): Promise<ArticleHit[]> {
  // Single letters and digits of a description ("5℃" → "5", "c") say nothing about the fault.
  const terms = queryTerms(input.faultDescription).filter((t) => !/^[a-z0-9]$/.test(t));
  if (terms.length === 0) return [];
  const rows = await candidates(ctx, terms, { sql: "a.state = 'published'", params: [] });
  const codes = await modelsOf(ctx, rows.map((r) => r.id));
  const boost = (r: ArticleRow) => {
    const list = codes.get(r.id) ?? [];
    if (input.modelId === null || list.length === 0) return 1;
    return list.some((m) => m.id === input.modelId) ? 1.5 : 0.7;
  };
  return toHits(ctx, rank(rows, terms, codes, boost).slice(0, input.limit));
}

export async function articleDetail(ctx: CallContext, id: number): Promise<ArticleDetail> {
  const me = actor(ctx);
  const a = await ctx.db.get<Record<string, unknown> & ArticleRow & { version: number; revision: number; reviewer_id: number | null; review_comment: string; attachment_ids: string; source_ticket_id: number | null; revision_of: number | null; created_at: string; published_at: string | null }>(
    'SELECT * FROM knowledge_articles WHERE id = ?',
    [id],
  );
  if (!a) throw notFound();
  const isAuthor = a.author_id === me.id;
  if (!canRead(a.state, me.role, isAuthor)) throw notFound();
  const names = async (uid: number | null) =>
    uid === null ? null : { id: uid, name: (await ctx.db.get<{ display_name: string }>('SELECT display_name FROM users WHERE id = ?', [uid]))?.display_name ?? '' };
  const attachmentIds: number[] = JSON.parse(a.attachment_ids);
  const attachments = attachmentIds.length
    ? await ctx.db.query<ArticleDetail['attachments'][number]>(
        `SELECT id, kind, file_name AS fileName, mime, size, created_at AS createdAt FROM attachments WHERE id IN (${attachmentIds.map(() => '?').join(',')}) ORDER BY id`,
        attachmentIds,
      )
    : [];
  const helped = await ctx.db.get('SELECT 1 AS x FROM knowledge_helped WHERE article_id = ? AND user_id = ?', [id, me.id]);
  const ticket = a.source_ticket_id === null ? null : await ctx.db.get<{ id: number; number: string }>('SELECT id, number FROM tickets WHERE id = ?', [a.source_ticket_id]);
  const original = a.revision_of === null ? null : await ctx.db.get<{ id: number; title: string }>('SELECT id, title FROM knowledge_articles WHERE id = ?', [a.revision_of]);
  const open = await ctx.db.get<{ id: number }>("SELECT id FROM knowledge_articles WHERE revision_of = ? AND state IN ('draft', 'in_review')", [id]);
  const events = await ctx.db.query<{ id: number; at: string; actorName: string; kind: string; fromState: ArticleState | null; toState: ArticleState | null; note: string | null }>(
    `SELECT e.id, e.at, u.display_name AS actorName, e.kind, e.from_state AS fromState, e.to_state AS toState, e.note
     FROM knowledge_events e JOIN users u ON u.id = e.actor_id WHERE e.article_id = ? ORDER BY e.id`,
    [id],
  );
  const mode = editMode(a.state, me.role, isAuthor);
  return {
    id: a.id,
    version: a.version,
    state: a.state,
    revision: a.revision,
    title: a.title,
    symptom: a.symptom,
    cause: a.cause,
    selfCheck: a.self_check,
    solution: a.solution,
    prevention: a.prevention,
    notes: a.notes,
    models: (await modelsOf(ctx, [id])).get(id) ?? [],
    author: (await names(a.author_id))!,
    reviewer: await names(a.reviewer_id),
    reviewComment: a.review_comment,
    attachments,
    viewCount: a.view_count,
    helpedCount: a.helped_count,
    helpedByMe: helped !== undefined && helped !== null,
    sourceTicket: ticket ?? null,
    revisionOf: original ?? null,
    openRevisionId: open?.id ?? null,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    publishedAt: a.published_at,
    moves: availableArticleMoves(a.state, me.role, isAuthor),
    editable: (mode === 'inPlace' || mode === 'revision') && !(mode === 'revision' && open),
    events,
  };
}

export async function linkedArticles(ctx: CallContext, input: ParsedInputOf<'knowledge.linked'>): Promise<LinkedArticle[]> {
  return ctx.db.query<LinkedArticle>(
    `SELECT a.id, a.title, a.self_check AS selfCheck, l.at, u.display_name AS byName
     FROM ticket_articles l JOIN knowledge_articles a ON a.id = l.article_id JOIN users u ON u.id = l.actor_id
     WHERE l.ticket_id = ? ORDER BY l.id`,
    [input.ticketId],
  );
}
