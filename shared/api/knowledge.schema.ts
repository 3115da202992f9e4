/** Inputs of the knowledge base (常见故障处理手册). */
import { z } from 'zod';
import { ARTICLE_MOVES, ARTICLE_STATES } from '../domain/knowledge';
import { id, requiredText, searchText, text, version } from './fields';
import { attachInput } from './lifecycle.schema';

/** A file or photo attached to an article (same limits as a ticket attachment). */
export const articleFile = attachInput.pick({ fileName: true, mime: true, dataBase64: true });

export const articleFields = z.strictObject({
  title: requiredText(120),
  /** The product models the article is about; none means any model. */
  modelIds: z.array(id).max(20).default([]),
  symptom: requiredText(2000),
  cause: text(4000),
  /** 自查步骤: what first-line staff walk the customer through; attached to tickets. */
  selfCheck: text(4000),
  solution: text(8000),
  prevention: text(2000),
  notes: text(2000),
  /** Files added with this save. */
  files: z.array(articleFile).max(6).default([]),
});

/** Rewrites a draft in place, or starts a revision of a published article (see shared/domain/knowledge). */
export const articleUpdateInput = articleFields.extend({
  id,
  version,
  /** Attachments kept from before (the others are removed from the article; the files stay in the data folder). */
  keepAttachmentIds: z.array(id).max(20).default([]),
});

export const articleMoveInput = z.strictObject({ id, version, move: z.enum(ARTICLE_MOVES), comment: text(2000) });

export const searchInput = z.strictObject({
  /** Words of a symptom, a phrase, a model code; empty lists the newest. */
  q: searchText(200).default(''),
  modelId: id.nullable().default(null),
  /** Published only, unless a reviewer (or the author, for his own) asks for other states. */
  states: z.array(z.enum(ARTICLE_STATES)).max(ARTICLE_STATES.length).default([]),
  /** Only the caller's own articles. */
  mine: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(30),
});

export const suggestInput = z.strictObject({
  /** The fault description as typed on the intake form. */
  faultDescription: text(10_000),
  modelId: id.nullable().default(null),
  limit: z.number().int().min(1).max(10).default(3),
});

export const articleGetInput = z.strictObject({
  id,
  /** Count a view (opening the article page); a reload of the same page by the editor does not. */
  countView: z.boolean().default(true),
});

export const helpedInput = z.strictObject({ id, helped: z.boolean().default(true) });

export const fromTicketInput = z.strictObject({ ticketId: id });

export const attachToTicketInput = z.strictObject({ ticketId: id, articleId: id });

export const byTicket = z.strictObject({ ticketId: id });
