/**
 * The knowledge base (常见故障处理手册, seeds 000 §(五) and 002 §三(五)): article states, who may move an
 * article where, and the search vocabulary (query terms, synonyms, grams, ranking, highlights).
 * Pure: the renderer shows the allowed moves and highlights from here, the core enforces and ranks with the same code.
 *
 * Review rules (one table, every role × every move is a unit test):
 * - engineers, supervisors and admins write drafts; an engineer submits his own draft for review;
 * - the supervisor (or admin) approves it, or sends it back to draft with a required comment; a supervisor never
 *   approves an article he wrote himself (the admin may, for a desk with one supervisor);
 * - published → archived by the supervisor or admin (a draft can also be discarded that way).
 * Editing a published article: the published text stays what first-line staff read; the edit is a new
 * revision (a draft that names the article it revises), reviewed like any draft; approving it copies its
 * text into the published article (revision + 1, same views, helped marks and ticket links) and archives
 * the revision row. At most one open revision per article.
 */
import type { Role } from './roles';
import type { AttachmentInfo } from './ticket';

export const ARTICLE_STATES = ['draft', 'in_review', 'published', 'archived'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

export const ARTICLE_MOVES = ['submit', 'approve', 'sendBack', 'archive'] as const;
export type ArticleMove = (typeof ARTICLE_MOVES)[number];

/** Roles that write articles (clerks read, mark "helped" and attach articles to tickets). */
export const WRITERS: readonly Role[] = ['engineer', 'supervisor', 'admin'];
const REVIEWERS: readonly Role[] = ['supervisor', 'admin'];

interface MoveRule {
  from: readonly ArticleState[];
  to: ArticleState;
  roles: readonly Role[];
  /** An engineer may make this move only on his own article. */
  ownOnly?: true;
  /** A supervisor may not make this move on his own article (four eyes); the admin may. */
  notOwn?: true;
  /** A written comment is required (kept on the article's history). */
  comment?: true;
}

export const ARTICLE_RULES: Record<ArticleMove, MoveRule> = {
  submit: { from: ['draft'], to: 'in_review', roles: WRITERS, ownOnly: true },
  approve: { from: ['in_review'], to: 'published', roles: REVIEWERS, notOwn: true },
  sendBack: { from: ['in_review'], to: 'draft', roles: REVIEWERS, comment: true },
  archive: { from: ['published', 'draft'], to: 'archived', roles: REVIEWERS },
};

export type ArticleRefusal = 'wrongState' | 'wrongRole' | 'notAuthor' | 'ownArticle' | 'commentRequired';

/** Why a move is refused, or null when it may happen. */
export function articleRefusal(move: ArticleMove, state: ArticleState, role: Role, isAuthor: boolean, comment: string): ArticleRefusal | null {
  const rule = ARTICLE_RULES[move];
  if (!rule.roles.includes(role)) return 'wrongRole';
  if (!rule.from.includes(state)) return 'wrongState';
  if (rule.ownOnly && role === 'engineer' && !isAuthor) return 'notAuthor';
  if (rule.notOwn && role === 'supervisor' && isAuthor) return 'ownArticle';
  if (rule.comment && comment.trim() === '') return 'commentRequired';
  return null;
}

/** The moves the caller may make on an article now (the buttons the article page shows). */
export function availableArticleMoves(state: ArticleState, role: Role, isAuthor: boolean): ArticleMove[] {
  return ARTICLE_MOVES.filter((m) => articleRefusal(m, state, role, isAuthor, 'x') === null);
}

/**
 * What saving changes to an article does: rewrite the draft in place, start a revision of a published
 * article, or nothing allowed (in review: send it back first; archived: read-only; clerks never write).
 */
export function editMode(state: ArticleState, role: Role, isAuthor: boolean): 'inPlace' | 'revision' | ArticleRefusal {
  if (!WRITERS.includes(role)) return 'wrongRole';
  if (state === 'draft') return role === 'engineer' && !isAuthor ? 'notAuthor' : 'inPlace';
  if (state === 'published') return 'revision';
  return 'wrongState';
}

/** Who sees an article: published ones everybody; drafts and reviews their author and the reviewers; archived ones the reviewers and the author. */
export function canRead(state: ArticleState, role: Role, isAuthor: boolean): boolean {
  return state === 'published' || isAuthor || REVIEWERS.includes(role);
}

// ---------------------------------------------------------------------------------------------------------------
// Search vocabulary

/**
 * Words the desk uses for the same thing. A query term and the article text are both rewritten to the
 * first word of each group before they are compared, so "触摸屏偶尔没反应" meets "屏幕偶尔失灵".
 * Replacement is greedy, longest word first; no word may contain its group's first word.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['屏幕', '触摸屏', '显示屏', '触屏'],
  ['失灵', '没有反应', '没反应', '无反应', '不灵敏', '不灵', '不好使'],
  ['制冷', '冷气', '制冷量'],
  ['效果差', '不够冷', '不太冷', '不冷'],
  ['开机', '启动'],
  ['异响', '噪音大', '噪声', '怪声', '响声大'],
  ['漏水', '滴水', '渗水'],
  ['死机', '卡死', '卡住'],
  ['充电', '充不进电', '充不上电'],
];

const FOLD = new Map<string, string>();
for (const group of SYNONYMS) for (const w of group.slice(1)) FOLD.set(w, group[0]!);
const FOLD_WORDS = [...FOLD.keys()].sort((a, b) => b.length - a.length);

/** Lower case, full-width folded (ＡＢＣ１２ → abc12), every synonym rewritten to its group's first word. */
export function canonical(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  for (const w of FOLD_WORDS) if (out.includes(w)) out = out.split(w).join(FOLD.get(w)!);
  return out;
}

/** Letters and digits of any script; everything else (spaces, punctuation, quotes, `*`, brackets) separates terms. */
const SEPARATOR = /[^\p{L}\p{N}]+/u;

export const MAX_TERMS = 12;

/**
 * The terms of a query: pieces between separators, canonical, duplicates removed, at most 12. User text
 * never reaches FTS syntax (operators like OR / NEAR are ordinary words here, quotes and `*` separators).
 */
export function queryTerms(query: string): string[] {
  const seen = new Set<string>();
  for (const piece of canonical(query).split(SEPARATOR)) {
    if (piece !== '' && !seen.has(piece)) seen.add(piece);
    if (seen.size >= MAX_TERMS) break;
  }
  return [...seen];
}

/** Every 1- and 2-character piece of a text's terms (what the gram table stores for 1–2 character queries). */
export function gramsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const piece of canonical(text).split(SEPARATOR)) {
    const chars = [...piece];
    for (let i = 0; i < chars.length; i++) {
      out.add(chars[i]!);
      if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
    }
  }
  return out;
}

/** The 2-character pieces of one term (a 1-character term is its own piece). */
export function bigramsOf(term: string): string[] {
  const chars = [...term];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

export interface SearchableText {
  title: string;
  symptom: string;
  /** Cause, self-check, solution, prevention, notes, model codes. */
  body: string;
}

/** Title hits rank above symptom hits, which rank above body hits. */
export const FIELD_WEIGHTS = { title: 10, symptom: 6, body: 2 } as const;
/** A term whose pieces are mostly in a field (no whole-word hit) counts this share of a whole hit. */
const PARTIAL_SHARE = 0.6;
/** At least this share of a term's 2-character pieces must appear in a field to count as a partial hit. */
export const PARTIAL_MIN = 0.5;

export interface Ranked {
  score: number;
  /** The query terms (canonical) found whole in some field, for highlighting. */
  matched: string[];
  /** Terms met only by their pieces: the pieces that were found, for highlighting. */
  pieces: string[];
}

/**
 * Scores an article's text against query terms: each term counts once, in its best field: a whole hit
 * weighs the field's weight, a partial hit (≥ half its 2-character pieces present) a share of it. The sum
 * is scaled by the share of terms met, so an article that has every word of "屏幕 失灵" outranks one that
 * has "屏幕" many times. Zero means no match.
 */
export function rankText(terms: readonly string[], text: SearchableText): Ranked {
  if (terms.length === 0) return { score: 0, matched: [], pieces: [] };
  const fields = (['title', 'symptom', 'body'] as const).map((f) => {
    const c = canonical(text[f]);
    return { weight: FIELD_WEIGHTS[f], text: c, grams: gramsOf(c) };
  });
  let total = 0;
  let met = 0;
  const matched: string[] = [];
  const pieces = new Set<string>();
  for (const term of terms) {
    let best = 0;
    let bestPieces: string[] = [];
    for (const f of fields) {
      if (f.text.includes(term)) {
        if (f.weight > best) {
          best = f.weight;
          bestPieces = [];
        }
        continue;
      }
      const bigrams = bigramsOf(term);
      if (bigrams.length < 2) continue;
      const found = bigrams.filter((b) => f.grams.has(b));
      const share = found.length / bigrams.length;
      const s = share >= PARTIAL_MIN ? f.weight * share * PARTIAL_SHARE : 0;
      if (s > best) {
        best = s;
        bestPieces = found;
      }
    }
    if (best > 0) {
      met++;
      total += best;
      if (bestPieces.length === 0) matched.push(term);
      else for (const p of bestPieces) pieces.add(p);
    }
  }
  const score = met === 0 ? 0 : Math.round(((total * met) / terms.length) * 100) / 100;
  return { score, matched, pieces: [...pieces] };
}

/** A text cut into plain and highlighted parts for the marks (case-insensitive, synonyms of the marks included). */
export function highlightParts(text: string, marks: readonly string[]): { text: string; hit: boolean }[] {
  const words = new Set<string>();
  for (const m of marks) {
    if (m === '') continue;
    words.add(m);
    const group = SYNONYMS.find((g) => g[0] === m);
    if (group) for (const w of group) words.add(w);
  }
  if (words.size === 0 || text === '') return text === '' ? [] : [{ text, hit: false }];
  // Folded one UTF-16 unit at a time, so positions stay those of the text (℃ → °C would shift everything after it).
  let lower = '';
  for (const unit of text.split('')) {
    const folded = unit.normalize('NFKC').toLowerCase();
    lower += folded.length === 1 ? folded : unit.toLowerCase().length === 1 ? unit.toLowerCase() : unit;
  }
  const hits = new Array<boolean>(text.length).fill(false);
  for (const w of words) {
    let at = lower.indexOf(w);
    while (at !== -1) {
      for (let i = at; i < at + w.length; i++) hits[i] = true;
      at = lower.indexOf(w, at + 1);
    }
  }
  const parts: { text: string; hit: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.hit === hits[i]) last.text += text[i];
    else parts.push({ text: text[i]!, hit: hits[i]! });
  }
  return parts;
}

/** Around the first highlighted place of a long text, at most `max` characters, with … where it was cut. */
export function snippet(text: string, marks: readonly string[], max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const parts = highlightParts(flat, marks);
  let first = 0;
  for (const p of parts) {
    if (p.hit) break;
    first += p.text.length;
  }
  if (first >= flat.length) first = 0;
  const start = Math.max(0, Math.min(first - 10, flat.length - max));
  return `${start > 0 ? '…' : ''}${flat.slice(start, start + max)}${start + max < flat.length ? '…' : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// DTOs

export interface ArticleFields {
  title: string;
  modelIds: number[];
  symptom: string;
  cause: string;
  /** 自查步骤: what first-line staff walk the customer through on the phone; attached to tickets. */
  selfCheck: string;
  solution: string;
  prevention: string;
  notes: string;
}

export interface ArticleHit {
  id: number;
  title: string;
  state: ArticleState;
  models: { id: number; code: string }[];
  symptom: string;
  /** A short piece of the best matching text (symptom or body). */
  snippet: string;
  /** Words to highlight in title, symptom and snippet. */
  marks: string[];
  score: number;
  viewCount: number;
  helpedCount: number;
  updatedAt: string;
}

export interface ArticleEvent {
  id: number;
  at: string;
  actorName: string;
  kind: string;
  fromState: ArticleState | null;
  toState: ArticleState | null;
  note: string | null;
}

export interface ArticleDetail extends Omit<ArticleFields, 'modelIds'> {
  id: number;
  version: number;
  state: ArticleState;
  revision: number;
  models: { id: number; code: string; name: string }[];
  author: { id: number; name: string };
  reviewer: { id: number; name: string } | null;
  reviewComment: string;
  attachments: AttachmentInfo[];
  viewCount: number;
  helpedCount: number;
  helpedByMe: boolean;
  sourceTicket: { id: number; number: string } | null;
  /** For a revision: the published article it revises. */
  revisionOf: { id: number; title: string } | null;
  /** For a published article: its open revision, if any. */
  openRevisionId: number | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  moves: ArticleMove[];
  /** The caller may edit it (in place, or by starting a revision). */
  editable: boolean;
  events: ArticleEvent[];
}

/** An article linked to a ticket, with the self-check steps that were attached. */
export interface LinkedArticle {
  id: number;
  title: string;
  selfCheck: string;
  at: string;
  byName: string;
}
