/** Knowledge base rules, table-driven: every role × every move × author or not; edits; search terms and ranking. */
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_MOVES,
  ARTICLE_STATES,
  articleRefusal,
  availableArticleMoves,
  bigramsOf,
  canRead,
  canonical,
  editMode,
  gramsOf,
  highlightParts,
  queryTerms,
  rankText,
  snippet,
  type ArticleMove,
  type ArticleRefusal,
  type ArticleState,
} from '../../shared/domain/knowledge';
import { ROLES, type Role } from '../../shared/domain/roles';

/**
 * The expected answer for every (move, role, author?) from the move's own source state, written out:
 * `null` allowed, otherwise the refusal.
 */
const EXPECTED: Record<ArticleMove, Record<Role, [own: ArticleRefusal | null, other: ArticleRefusal | null]>> = {
  submit: {
    clerk: ['wrongRole', 'wrongRole'],
    engineer: [null, 'notAuthor'],
    supervisor: [null, null],
    admin: [null, null],
  },
  approve: {
    clerk: ['wrongRole', 'wrongRole'],
    engineer: ['wrongRole', 'wrongRole'],
    supervisor: ['ownArticle', null],
    admin: [null, null],
  },
  sendBack: {
    clerk: ['wrongRole', 'wrongRole'],
    engineer: ['wrongRole', 'wrongRole'],
    supervisor: [null, null],
    admin: [null, null],
  },
  archive: {
    clerk: ['wrongRole', 'wrongRole'],
    engineer: ['wrongRole', 'wrongRole'],
    supervisor: [null, null],
    admin: [null, null],
  },
};

const FROM: Record<ArticleMove, ArticleState[]> = {
  submit: ['draft'],
  approve: ['in_review'],
  sendBack: ['in_review'],
  archive: ['published', 'draft'],
};
const TO: Record<ArticleMove, ArticleState> = { submit: 'in_review', approve: 'published', sendBack: 'draft', archive: 'archived' };

describe('article review moves', () => {
  const cases = ARTICLE_MOVES.flatMap((move) =>
    ROLES.flatMap((role) => FROM[move].flatMap((from) => [true, false].map((own) => [move, role, from, own] as const))),
  );
  it.each(cases)('%s by %s from %s (author: %s)', (move, role, from, own) => {
    expect(articleRefusal(move, from, role, own, 'a comment')).toBe(EXPECTED[move][role][own ? 0 : 1]);
  });

  it('refuses every move from every state outside its table (as admin)', () => {
    for (const move of ARTICLE_MOVES) {
      for (const state of ARTICLE_STATES) {
        const expected = FROM[move].includes(state) ? null : 'wrongState';
        expect(articleRefusal(move, state, 'admin', false, 'c'), `${move} from ${state}`).toBe(expected);
      }
    }
  });

  it.each(['', '   ', '\n'])('send back needs a comment (%j)', (comment) => {
    expect(articleRefusal('sendBack', 'in_review', 'supervisor', false, comment)).toBe('commentRequired');
    expect(articleRefusal('approve', 'in_review', 'supervisor', false, comment)).toBeNull();
  });

  it('moves lead where the table says', () => {
    expect(TO).toEqual({ submit: 'in_review', approve: 'published', sendBack: 'draft', archive: 'archived' });
  });

  it('lists the buttons a role sees', () => {
    expect(availableArticleMoves('draft', 'engineer', true)).toEqual(['submit']);
    expect(availableArticleMoves('draft', 'engineer', false)).toEqual([]);
    expect(availableArticleMoves('in_review', 'supervisor', false)).toEqual(['approve', 'sendBack']);
    expect(availableArticleMoves('in_review', 'supervisor', true)).toEqual(['sendBack']);
    expect(availableArticleMoves('published', 'supervisor', false)).toEqual(['archive']);
    expect(availableArticleMoves('published', 'clerk', false)).toEqual([]);
    expect(availableArticleMoves('archived', 'admin', true)).toEqual([]);
  });
});

describe('editing and reading', () => {
  it.each([
    ['draft', 'clerk', true, 'wrongRole'],
    ['draft', 'engineer', true, 'inPlace'],
    ['draft', 'engineer', false, 'notAuthor'],
    ['draft', 'supervisor', false, 'inPlace'],
    ['draft', 'admin', false, 'inPlace'],
    ['in_review', 'engineer', true, 'wrongState'],
    ['in_review', 'supervisor', false, 'wrongState'],
    ['published', 'engineer', false, 'revision'],
    ['published', 'supervisor', true, 'revision'],
    ['published', 'clerk', false, 'wrongRole'],
    ['archived', 'admin', true, 'wrongState'],
  ] as const)('%s article, %s (author %s) → %s', (state, role, own, expected) => {
    expect(editMode(state, role, own)).toBe(expected);
  });

  it.each([
    ['published', 'clerk', false, true],
    ['draft', 'clerk', false, false],
    ['draft', 'engineer', false, false],
    ['draft', 'engineer', true, true],
    ['in_review', 'supervisor', false, true],
    ['archived', 'engineer', false, false],
    ['archived', 'admin', false, true],
  ] as const)('%s article readable by %s (author %s): %s', (state, role, own, expected) => {
    expect(canRead(state, role, own)).toBe(expected);
  });
});

describe('search terms', () => {
  it.each([
    ['制冷', ['制冷']],
    ['屏幕 失灵', ['屏幕', '失灵']],
    ['  屏幕，失灵。屏幕 ', ['屏幕', '失灵']],
    ['"屏幕" OR 失灵*', ['屏幕', 'or', '失灵']],
    ['NEAR(屏幕 失灵)', ['near', '屏幕', '失灵']],
    ["'; DROP TABLE knowledge_articles; --", ['drop', 'table', 'knowledge', 'articles']],
    ['ＫＦＲ－３５', ['kfr', '35']],
    ['触摸屏没反应', ['屏幕失灵']],
    ['', []],
    ['*** """ ()', []],
  ])('%j → %j', (query, terms) => {
    expect(queryTerms(query)).toEqual(terms);
  });

  it('keeps at most 12 terms', () => {
    expect(queryTerms(Array.from({ length: 30 }, (_, i) => `词${i}`).join(' '))).toHaveLength(12);
  });

  it('folds synonyms to one word', () => {
    expect(canonical('触摸屏偶尔没反应')).toBe('屏幕偶尔失灵');
    expect(canonical('空调不够冷')).toBe('空调效果差');
    expect(canonical('显示屏不灵敏')).toBe('屏幕失灵');
  });

  it('cuts 1- and 2-character pieces', () => {
    expect([...gramsOf('屏幕失灵')].sort()).toEqual(['失', '失灵', '屏', '屏幕', '幕', '幕失', '灵'].sort());
    expect(bigramsOf('制冷效果')).toEqual(['制冷', '冷效', '效果']);
    expect(bigramsOf('冷')).toEqual(['冷']);
  });
});

describe('ranking', () => {
  const screen = { title: 'P50 屏幕偶尔失灵', symptom: '触摸屏偶尔点击无反应，数秒后恢复', body: '根因：屏幕排线松动' };
  const cooling = { title: 'KFR-35 空调制冷效果差', symptom: '出风不凉，室温降不下来', body: '清洗滤网；检查冷媒压力' };
  const bodyOnly = { title: '手机进水处理', symptom: '进水后无法开机', body: '烘干后屏幕可能失灵，需更换' };

  it('finds a 2-character term and ranks a title hit above a body hit', () => {
    const t = queryTerms('屏幕');
    expect(rankText(t, screen).score).toBeGreaterThan(rankText(t, bodyOnly).score);
    expect(rankText(t, bodyOnly).score).toBeGreaterThan(0);
    expect(rankText(t, cooling).score).toBe(0);
  });

  it('rewards having every word of a multi-word query', () => {
    const t = queryTerms('屏幕 失灵');
    const a = rankText(t, screen);
    expect(a.matched).toEqual(['屏幕', '失灵']);
    expect(a.score).toBeGreaterThan(rankText(t, bodyOnly).score);
    expect(rankText(queryTerms('制冷 屏幕'), cooling).score).toBeLessThan(rankText(queryTerms('制冷'), cooling).score);
  });

  it('meets a phrase that shares no whole word through synonyms', () => {
    const r = rankText(queryTerms('触摸屏偶尔没反应'), screen);
    expect(r.score).toBeGreaterThan(0);
    expect(r.matched).toEqual(['屏幕偶尔失灵']);
  });

  it('meets a phrase that shares only pieces with the text', () => {
    const r = rankText(queryTerms('空调制冷不好'), cooling);
    expect(r.score).toBeGreaterThan(0);
    expect(r.matched).toEqual([]);
    expect(r.pieces).toEqual(expect.arrayContaining(['空调', '制冷']));
    expect(rankText(queryTerms('空调制冷不好'), screen).score).toBe(0);
  });

  it('scores nothing for no terms', () => {
    expect(rankText([], screen)).toEqual({ score: 0, matched: [], pieces: [] });
  });
});

describe('highlights', () => {
  it('marks the words and their synonyms', () => {
    expect(highlightParts('触摸屏偶尔无反应', ['屏幕', '失灵'])).toEqual([
      { text: '触摸屏', hit: true },
      { text: '偶尔', hit: false },
      { text: '无反应', hit: true },
    ]);
    expect(highlightParts('KFR-35 空调', ['kfr'])).toEqual([
      { text: 'KFR', hit: true },
      { text: '-35 空调', hit: false },
    ]);
    expect(highlightParts('温度高 5℃ 以上，ＫＦＲ制冷差', ['制冷', 'kfr'])).toEqual([
      { text: '温度高 5℃ 以上，', hit: false },
      { text: 'ＫＦＲ制冷', hit: true },
      { text: '差', hit: false },
    ]);
    expect(highlightParts('', ['x'])).toEqual([]);
    expect(highlightParts('abc', [])).toEqual([{ text: 'abc', hit: false }]);
  });

  it('cuts a snippet around the first hit', () => {
    const long = `${'甲'.repeat(100)}制冷${'乙'.repeat(100)}`;
    const s = snippet(long, ['制冷'], 40);
    expect(s).toContain('制冷');
    expect(s.startsWith('…') && s.endsWith('…')).toBe(true);
    expect(snippet('短文本', ['制冷'])).toBe('短文本');
  });
});
