/** The knowledge base (常见故障处理手册, migration 1764840000000). */
import { EntitySchema } from 'typeorm';
import { idColumn, trackedColumns, v, int, fk } from './columns';

/**
 * One article. A revision of a published article is its own row (`revision_of` names the article) until
 * it is approved and copied into the article. `attachment_ids` lists rows of `attachments` (ticket_id NULL).
 * The search index (knowledge_fts, FTS5 trigram; knowledge_grams, 1–2 character pieces) is SQLite-only
 * and kept by the service, so it is not part of this model.
 */
export const KnowledgeArticleEntity = new EntitySchema<Record<string, unknown>>({
  name: 'knowledge_articles',
  columns: {
    id: idColumn,
    state: v(12),
    title: v(120),
    symptom: { type: 'text' },
    cause: { type: 'text', default: '' },
    selfCheck: { name: 'self_check', type: 'text', default: '' },
    solution: { type: 'text', default: '' },
    prevention: { type: 'text', default: '' },
    notes: { type: 'text', default: '' },
    attachmentIds: { name: 'attachment_ids', type: 'text', default: '[]' },
    authorId: int('author_id'),
    reviewerId: int('reviewer_id', { nullable: true }),
    reviewComment: { name: 'review_comment', type: 'text', default: '' },
    submittedAt: v(24, { name: 'submitted_at', nullable: true }),
    publishedAt: v(24, { name: 'published_at', nullable: true }),
    archivedAt: v(24, { name: 'archived_at', nullable: true }),
    sourceTicketId: int('source_ticket_id', { nullable: true }),
    revisionOf: int('revision_of', { nullable: true }),
    revision: { type: 'integer', default: 1 },
    viewCount: { name: 'view_count', type: 'integer', default: 0 },
    helpedCount: { name: 'helped_count', type: 'integer', default: 0 },
    ...trackedColumns,
  },
  relations: {
    author: fk('users', 'author_id'),
    reviewer: fk('users', 'reviewer_id', true),
    sourceTicket: fk('tickets', 'source_ticket_id', true),
    original: fk('knowledge_articles', 'revision_of', true),
  },
  indices: [
    { name: 'ix_knowledge_articles_state', columns: ['state', 'updatedAt'] },
    { name: 'ix_knowledge_articles_author', columns: ['authorId', 'state'] },
    { name: 'ix_knowledge_articles_revision_of', columns: ['revisionOf'] },
  ],
});

/** The product models an article is about (none: any model). */
export const KnowledgeArticleModelEntity = new EntitySchema<Record<string, unknown>>({
  name: 'knowledge_article_models',
  columns: { id: idColumn, articleId: int('article_id'), modelId: int('model_id') },
  relations: { article: fk('knowledge_articles', 'article_id'), model: fk('product_models', 'model_id') },
  indices: [
    { name: 'ux_knowledge_article_models', columns: ['articleId', 'modelId'], unique: true },
    { name: 'ix_knowledge_article_models_model', columns: ['modelId'] },
  ],
});

/** "This helped": one mark per user per article. */
export const KnowledgeHelpedEntity = new EntitySchema<Record<string, unknown>>({
  name: 'knowledge_helped',
  columns: { id: idColumn, articleId: int('article_id'), userId: int('user_id'), at: v(24) },
  relations: { article: fk('knowledge_articles', 'article_id'), user: fk('users', 'user_id') },
  indices: [{ name: 'ux_knowledge_helped', columns: ['articleId', 'userId'], unique: true }],
});

/** An article's history: created, edited, submitted, approved, sent back (with the comment), archived, revised. */
export const KnowledgeEventEntity = new EntitySchema<Record<string, unknown>>({
  name: 'knowledge_events',
  columns: {
    id: idColumn,
    articleId: int('article_id'),
    at: v(24),
    actorId: int('actor_id'),
    kind: v(20),
    fromState: v(12, { name: 'from_state', nullable: true }),
    toState: v(12, { name: 'to_state', nullable: true }),
    note: { type: 'text', nullable: true },
  },
  relations: { article: fk('knowledge_articles', 'article_id'), actor: fk('users', 'actor_id') },
  indices: [{ name: 'ix_knowledge_events_article', columns: ['articleId', 'id'] }],
});

/** Articles whose self-check steps were attached to a ticket (at intake or later). */
export const TicketArticleEntity = new EntitySchema<Record<string, unknown>>({
  name: 'ticket_articles',
  columns: { id: idColumn, ticketId: int('ticket_id'), articleId: int('article_id'), at: v(24), actorId: int('actor_id') },
  relations: { ticket: fk('tickets', 'ticket_id'), article: fk('knowledge_articles', 'article_id'), actor: fk('users', 'actor_id') },
  indices: [
    { name: 'ux_ticket_articles', columns: ['ticketId', 'articleId'], unique: true },
    { name: 'ix_ticket_articles_article', columns: ['articleId'] },
  ],
});

export const knowledgeEntities = [KnowledgeArticleEntity, KnowledgeArticleModelEntity, KnowledgeHelpedEntity, KnowledgeEventEntity, TicketArticleEntity];
