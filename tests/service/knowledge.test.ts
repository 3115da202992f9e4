/** The knowledge base against a real SQLite file: Chinese search, review, revisions, views, helped marks, tickets. */
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';

let h: Harness;
afterEach(() => h?.close());

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

type Roles = Record<Role, Client>;

async function setup() {
  h = await openHarness();
  const roles = await h.signedIn();
  const kfr = await h.ok(roles.admin, 'models.create', { code: 'KFR-35', name: '智能空调', productLine: '家电', warrantyMonths: 12 });
  const p50 = await h.ok(roles.admin, 'models.create', { code: 'P50', name: '智能手机', productLine: '电子', warrantyMonths: 12 });
  return { ...roles, kfr: kfr.id, p50: p50.id };
}

/** Writes an article as the engineer and takes it through review to published. */
async function publish(r: Roles, fields: InputOf<'knowledge.create'>): Promise<number> {
  const draft = await h.ok(r.engineer, 'knowledge.create', fields);
  const submitted = await h.ok(r.engineer, 'knowledge.move', { id: draft.id, version: draft.version, move: 'submit' });
  const fresh = await h.ok(r.supervisor, 'knowledge.get', { id: submitted.id, countView: false });
  await h.ok(r.supervisor, 'knowledge.move', { id: fresh.id, version: fresh.version, move: 'approve' });
  return draft.id;
}

async function corpus(r: Roles & { kfr: number; p50: number }) {
  const cooling = await publish(r, {
    title: '空调制冷效果差',
    modelIds: [r.kfr],
    symptom: '出风不凉，室温降不下来，出风温度高于设定温度',
    cause: '滤网积尘堵塞或冷媒（制冷剂）不足',
    selfCheck: '1. 确认遥控器为制冷模式、设定温度低于室温\n2. 取下滤网用清水冲洗晾干\n3. 检查室外机周围是否有遮挡',
    solution: '清洗滤网；测量冷媒压力，不足时检漏补焊并加注',
  });
  const screen = await publish(r, {
    title: '手机屏幕偶尔失灵',
    modelIds: [r.p50],
    symptom: '触摸屏偶尔点击无反应，数秒后恢复',
    cause: '屏幕排线松动或系统版本过旧',
    selfCheck: '1. 取下手机壳和贴膜再试\n2. 重启手机\n3. 升级到最新系统版本',
    solution: '升级系统；仍复现则重新插接屏幕排线或更换屏幕总成',
  });
  // "屏幕" and "失灵" only in the body: must rank below the title hit.
  const water = await publish(r, {
    title: '手机进水处理',
    modelIds: [r.p50],
    symptom: '手机进水后无法开机',
    cause: '主板短路',
    solution: '立即关机烘干；烘干后屏幕可能失灵，需更换屏幕总成',
  });
  const noise = await publish(r, { title: '室外机异响', symptom: '室外机运行时有嗡嗡声', cause: '固定螺丝松动', solution: '紧固螺丝，加装减震垫' });
  return { cooling, screen, water, noise };
}

const ids = async (c: Client, q: string, extra: Partial<InputOf<'knowledge.search'>> = {}) => (await h.ok(c, 'knowledge.search', { q, ...extra })).map((a) => a.id);

describe('search in Chinese', () => {
  it('finds 2-character terms, multi-word queries and model codes, title hits first', async () => {
    const r = await setup();
    const a = await corpus(r);
    expect(await ids(r.clerk, '制冷')).toEqual([a.cooling]);
    expect((await ids(r.clerk, '屏幕')).slice(0, 2)).toEqual([a.screen, a.water]);
    expect(await ids(r.clerk, '屏幕 失灵')).toEqual([a.screen, a.water]);
    expect(await ids(r.clerk, '屏幕失灵')).toEqual([a.screen, a.water]);
    expect(await ids(r.clerk, '异响')).toEqual([a.noise]);
    expect(await ids(r.clerk, '冷')).toEqual([a.cooling]);
    expect(await ids(r.clerk, 'kfr-35')).toEqual([a.cooling]);
    expect(await ids(r.clerk, '洗衣机 脱水')).toEqual([]);
    const [hit] = await h.ok(r.clerk, 'knowledge.search', { q: '屏幕 失灵' });
    expect(hit!.marks).toEqual(['屏幕', '失灵']);
    expect(hit!.models.map((m) => m.code)).toEqual(['P50']);
  });

  it('meets a phrase that shares no whole word with the article', async () => {
    const r = await setup();
    const a = await corpus(r);
    // 触摸屏偶尔没反应 vs 手机屏幕偶尔失灵: synonyms fold both to one phrase.
    expect((await ids(r.clerk, '触摸屏偶尔没反应'))[0]).toBe(a.screen);
    // 空调制冷不好 shares only pieces ("空调", "制冷") with the cooling article, no whole word.
    expect((await ids(r.clerk, '空调制冷不好'))[0]).toBe(a.cooling);
    expect(await ids(r.clerk, '显示屏不灵敏')).toContain(a.screen);
  });

  it.each([
    '"屏幕',
    '屏幕"',
    '屏幕*',
    '* OR *',
    '屏幕 OR 失灵',
    'NEAR(屏幕 失灵)',
    'title:屏幕',
    '屏幕 AND NOT 失灵',
    "'; DROP TABLE knowledge_articles; --",
    '^屏幕',
    '(((',
    '%_%',
    '\\',
    '屏'.repeat(200),
  ])('SQL- or FTS-looking input %j is plain text', async (q) => {
    const r = await setup();
    const a = await corpus(r);
    const result = await h.call(r.clerk, 'knowledge.search', { q });
    expect(result.ok).toBe(true);
    if (q.includes('屏幕')) expect(result.ok && result.value.map((x) => x.id)).toContain(a.screen);
    // The table is still there.
    expect(await ids(r.clerk, '制冷')).toEqual([a.cooling]);
  });

  it('refuses a query that is too long or not text', async () => {
    const r = await setup();
    const long = await h.call(r.clerk, 'knowledge.search', { q: '屏'.repeat(201) });
    expect(long.ok === false && long.error.code).toBe('VALIDATION');
    const wrong = await h.call(r.clerk, 'knowledge.search', { q: 42 } as never);
    expect(wrong.ok === false && wrong.error.code).toBe('VALIDATION');
  });

  it('shows drafts only to their author and the reviewers, and filters by model and state', async () => {
    const r = await setup();
    const a = await corpus(r);
    const draft = await h.ok(r.engineer, 'knowledge.create', { title: '空调漏水', symptom: '室内机滴水', modelIds: [r.kfr] });
    expect(await ids(r.clerk, '漏水')).toEqual([]);
    expect(await ids(r.clerk, '漏水', { states: ['draft'] })).toEqual([]);
    expect(await ids(r.engineer, '漏水', { states: ['draft'] })).toEqual([draft.id]);
    expect(await ids(r.supervisor, '漏水', { states: ['draft', 'in_review'] })).toEqual([draft.id]);
    expect(await ids(r.clerk, '', { modelId: r.kfr })).toEqual([a.cooling]);
    expect(await ids(r.engineer, '', { mine: true, states: ['draft'] })).toEqual([draft.id]);
    const got = await h.call(r.clerk, 'knowledge.get', { id: draft.id });
    expect(got.ok === false && got.error.code).toBe('NOT_FOUND');
  });
});

describe('review', () => {
  it('engineer drafts and submits; the supervisor sends back with a comment, then approves; the history shows each step', async () => {
    const r = await setup();
    let d = await h.ok(r.engineer, 'knowledge.create', { title: '空调不启动', symptom: '按遥控器无反应', selfCheck: '检查电源插头' });
    expect(d.state).toBe('draft');
    expect(d.moves).toEqual(['submit']);
    await h.ok(r.engineer, 'knowledge.move', { id: d.id, version: d.version, move: 'submit' });
    d = await h.ok(r.supervisor, 'knowledge.get', { id: d.id });
    expect(d.moves).toEqual(['approve', 'sendBack']);
    const noComment = await h.call(r.supervisor, 'knowledge.move', { id: d.id, version: d.version, move: 'sendBack', comment: '  ' });
    expect(noComment.ok === false && noComment.error.code).toBe('VALIDATION');
    await h.ok(r.supervisor, 'knowledge.move', { id: d.id, version: d.version, move: 'sendBack', comment: '请补充遥控器电池检查' });
    d = await h.ok(r.engineer, 'knowledge.get', { id: d.id });
    expect([d.state, d.reviewComment, d.reviewer?.name]).toEqual(['draft', '请补充遥控器电池检查', 'supervisor']);
    d = await h.ok(r.engineer, 'knowledge.update', { id: d.id, version: d.version, title: '空调不启动', symptom: '按遥控器无反应', selfCheck: '检查电源插头；更换遥控器电池' });
    await h.ok(r.engineer, 'knowledge.move', { id: d.id, version: d.version, move: 'submit' });
    d = await h.ok(r.supervisor, 'knowledge.get', { id: d.id });
    await h.ok(r.supervisor, 'knowledge.move', { id: d.id, version: d.version, move: 'approve' });
    d = await h.ok(r.clerk, 'knowledge.get', { id: d.id });
    expect(d.state).toBe('published');
    expect(d.events.map((e) => `${e.kind}:${e.actorName}:${e.toState ?? ''}`)).toEqual([
      'created:engineer:draft', 'submit:engineer:in_review', 'sendBack:supervisor:draft', 'edited:engineer:', 'submit:engineer:in_review', 'approve:supervisor:published',
    ]);
    expect(d.events[2]!.note).toBe('请补充遥控器电池检查');
  });

  it('refuses moves by the wrong person or from the wrong state, and stale versions', async () => {
    const r = await setup();
    const d = await h.ok(r.supervisor, 'knowledge.create', { title: '主管写的文章', symptom: '现象' });
    const code = async (c: Client, input: InputOf<'knowledge.move'>) => {
      const res = await h.call(c, 'knowledge.move', input);
      return res.ok ? 'ok' : res.error.code;
    };
    expect(await code(r.engineer, { id: d.id, version: d.version, move: 'submit' })).toBe('FORBIDDEN');
    expect(await code(r.clerk, { id: d.id, version: d.version, move: 'submit' })).toBe('FORBIDDEN');
    expect(await code(r.supervisor, { id: d.id, version: d.version, move: 'approve' })).toBe('CONFLICT');
    expect(await code(r.supervisor, { id: d.id, version: d.version, move: 'submit' })).toBe('ok');
    expect(await code(r.supervisor, { id: d.id, version: d.version, move: 'archive' })).toBe('CONFLICT');
    // The supervisor cannot approve his own article; the admin can.
    expect(await code(r.supervisor, { id: d.id, version: d.version + 1, move: 'approve' })).toBe('FORBIDDEN');
    expect(await code(r.admin, { id: d.id, version: d.version + 1, move: 'approve' })).toBe('ok');
    expect(await code(r.supervisor, { id: d.id, version: d.version + 2, move: 'archive' })).toBe('ok');
    const archived = await h.ok(r.engineer, 'knowledge.search', { q: '主管' });
    expect(archived).toEqual([]);
    const edit = await h.call(r.supervisor, 'knowledge.update', { id: d.id, version: d.version + 3, title: 'x', symptom: 'y' });
    expect(edit.ok === false && edit.error.code).toBe('CONFLICT');
  });

  it('two editors of one draft: the second save is a conflict, nothing is lost silently', async () => {
    const r = await setup();
    const d = await h.ok(r.engineer, 'knowledge.create', { title: '草稿', symptom: '现象' });
    const [a, b] = await Promise.all([
      h.call(r.engineer, 'knowledge.update', { id: d.id, version: d.version, title: '甲的标题', symptom: '现象' }),
      h.call(r.supervisor, 'knowledge.update', { id: d.id, version: d.version, title: '乙的标题', symptom: '现象' }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = a.ok ? b : a;
    expect(loser.ok === false && loser.error.code).toBe('CONFLICT');
    const now = await h.ok(r.supervisor, 'knowledge.get', { id: d.id });
    expect(now.version).toBe(d.version + 1);
    expect(await ids(r.supervisor, now.title === '甲的标题' ? '甲的' : '乙的', { states: ['draft'] })).toEqual([d.id]);
  });

  it('an edit of a published article is a revision: the published text stays until the revision is approved', async () => {
    const r = await setup();
    const a = await corpus(r);
    const before = await h.ok(r.engineer, 'knowledge.get', { id: a.cooling, countView: false });
    const rev = await h.ok(r.engineer, 'knowledge.update', {
      id: a.cooling, version: before.version, title: '空调制冷效果差（含变频机型）', modelIds: [r.kfr], symptom: before.symptom, selfCheck: before.selfCheck, solution: '变频机型先读取故障代码',
    });
    expect([rev.state, rev.revisionOf?.id]).toEqual(['draft', a.cooling]);
    expect((await h.ok(r.clerk, 'knowledge.get', { id: a.cooling })).title).toBe('空调制冷效果差');
    const second = await h.call(r.supervisor, 'knowledge.update', { id: a.cooling, version: before.version, title: 'x', symptom: 'y' });
    expect(second.ok === false && second.error.code).toBe('CONFLICT');
    await h.ok(r.engineer, 'knowledge.move', { id: rev.id, version: rev.version, move: 'submit' });
    const pending = await h.ok(r.supervisor, 'knowledge.search', { q: '', states: ['in_review'] });
    expect(pending.map((p) => p.id)).toEqual([rev.id]);
    const moved = await h.ok(r.supervisor, 'knowledge.move', { id: rev.id, version: rev.version + 1, move: 'approve' });
    expect(moved).toEqual({ id: a.cooling, state: 'published' });
    const after = await h.ok(r.clerk, 'knowledge.get', { id: a.cooling });
    expect([after.title, after.revision, after.solution, after.state]).toEqual(['空调制冷效果差（含变频机型）', 2, '变频机型先读取故障代码', 'published']);
    expect(after.events.map((e) => e.kind).slice(-2)).toEqual(['revisionStarted', 'revised']);
    expect(await ids(r.clerk, '变频')).toEqual([a.cooling]);
    expect(await ids(r.supervisor, '变频', { states: ['archived'] })).toEqual([rev.id]);
  });
});

describe('views and helped marks', () => {
  it('counts views (not the author\'s) and one helped mark per user', async () => {
    const r = await setup();
    const a = await corpus(r);
    await h.ok(r.clerk, 'knowledge.get', { id: a.screen });
    await h.ok(r.clerk, 'knowledge.get', { id: a.screen });
    await h.ok(r.engineer, 'knowledge.get', { id: a.screen });
    expect((await h.ok(r.supervisor, 'knowledge.get', { id: a.screen })).viewCount).toBe(3);
    const marks = await Promise.all([
      h.ok(r.clerk, 'knowledge.helped', { id: a.screen }),
      h.ok(r.clerk, 'knowledge.helped', { id: a.screen }),
      h.ok(r.supervisor, 'knowledge.helped', { id: a.screen }),
    ]);
    expect(marks.map((m) => m.helpedByMe)).toEqual([true, true, true]);
    let d = await h.ok(r.clerk, 'knowledge.get', { id: a.screen, countView: false });
    expect([d.helpedCount, d.helpedByMe]).toEqual([2, true]);
    await h.ok(r.clerk, 'knowledge.helped', { id: a.screen, helped: false });
    d = await h.ok(r.clerk, 'knowledge.get', { id: a.screen, countView: false });
    expect([d.helpedCount, d.helpedByMe]).toEqual([1, false]);
    const draft = await h.ok(r.engineer, 'knowledge.create', { title: '草稿', symptom: '现象' });
    const refused = await h.call(r.engineer, 'knowledge.helped', { id: draft.id });
    expect(refused.ok === false && refused.error.code).toBe('CONFLICT');
  });
});

describe('tickets and articles', () => {
  it('suggests articles from a fault description being typed, the model\'s first', async () => {
    const r = await setup();
    const a = await corpus(r);
    const suggest = async (faultDescription: string, modelId: number | null = null) =>
      (await h.ok(r.clerk, 'knowledge.suggest', { faultDescription, modelId })).map((s) => s.id);
    expect(await suggest('制冷')).toEqual([a.cooling]);
    expect((await suggest('制冷效果差，出风温度高于设定温度5℃', r.kfr))[0]).toBe(a.cooling);
    expect((await suggest('客户说屏幕偶尔失灵，点了没反应', r.p50))[0]).toBe(a.screen);
    expect(await suggest('')).toEqual([]);
    expect(await suggest('"*" OR NEAR(')).toEqual([]);
    expect((await suggest('屏幕', r.p50)).length).toBeLessThanOrEqual(3);
  });

  it('attaches self-check steps at intake and later, once per article; refuses drafts', async () => {
    const r = await setup();
    const a = await corpus(r);
    const { id } = await h.ok(r.clerk, 'tickets.create', intake({ modelId: r.kfr, knowledgeArticleIds: [a.cooling, a.cooling] }));
    let t = await h.ok(r.clerk, 'tickets.get', { id });
    const attached = t.events.filter((e) => e.kind === 'knowledgeAttached');
    expect(attached).toHaveLength(1);
    expect(attached[0]!.note).toContain('取下滤网用清水冲洗晾干');
    await h.ok(r.clerk, 'knowledge.attachToTicket', { ticketId: id, articleId: a.cooling });
    await h.ok(r.clerk, 'knowledge.attachToTicket', { ticketId: id, articleId: a.noise });
    t = await h.ok(r.clerk, 'tickets.get', { id });
    expect(t.events.filter((e) => e.kind === 'knowledgeAttached')).toHaveLength(2);
    expect((await h.ok(r.clerk, 'knowledge.linked', { ticketId: id })).map((l) => [l.id, l.byName])).toEqual([[a.cooling, 'clerk'], [a.noise, 'clerk']]);
    const draft = await h.ok(r.engineer, 'knowledge.create', { title: '草稿', symptom: '现象' });
    const refused = await h.call(r.clerk, 'tickets.create', intake({ knowledgeArticleIds: [draft.id] }));
    expect(refused.ok === false && refused.error.code).toBe('CONFLICT');
    // Nothing of the refused intake was saved.
    expect((await h.ok(r.clerk, 'tickets.list', {})).total).toBe(1);
    const missing = await h.call(r.clerk, 'knowledge.attachToTicket', { ticketId: id, articleId: 9999 });
    expect(missing.ok === false && missing.error.code).toBe('NOT_FOUND');
  });

  it('turns a resolved ticket into a prefilled draft, and refuses an open one', async () => {
    const r = await setup();
    const engineerId = (await h.ok(r.supervisor, 'users.engineers', {}))[0]!.id;
    const { id } = await h.ok(r.clerk, 'tickets.create', intake({ modelId: r.kfr, faultDescription: '制冷效果差。出风温度高于设定温度5℃' }));
    const early = await h.call(r.engineer, 'knowledge.fromTicket', { ticketId: id });
    expect(early.ok === false && early.error.code).toBe('CONFLICT');
    const move = async (c: Client, input: Record<string, unknown>) => {
      const t = await h.ok(c, 'tickets.get', { id });
      await h.ok(c, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
    };
    await move(r.clerk, { move: 'startDiagnosis', remoteGuidance: '请客户清洗滤网后试机' });
    await move(r.engineer, { move: 'submitPlan', serviceMode: 'onsite', remoteGuidance: '请客户清洗滤网后试机', diagnosis: '冷媒压力偏低', rootCause: '铜管焊点泄漏', repairPlan: '补焊并加注制冷剂', estimateFen: 0 });
    await move(r.supervisor, { move: 'dispatch', engineerId });
    await move(r.engineer, { move: 'startService' });
    await move(r.engineer, { move: 'accept', satisfaction: 'satisfied', comments: '', signature: SIGNATURE });
    const clerkTry = await h.call(r.clerk, 'knowledge.fromTicket', { ticketId: id });
    expect(clerkTry.ok === false && clerkTry.error.code).toBe('FORBIDDEN');
    const d = await h.ok(r.engineer, 'knowledge.fromTicket', { ticketId: id });
    expect(d).toMatchObject({
      state: 'draft', title: '制冷效果差', symptom: '制冷效果差。出风温度高于设定温度5℃', cause: '铜管焊点泄漏\n冷媒压力偏低',
      selfCheck: '请客户清洗滤网后试机', solution: '补焊并加注制冷剂', author: { name: 'engineer' },
    });
    expect(d.models.map((m) => m.code)).toEqual(['KFR-35']);
    expect(d.sourceTicket?.id).toBe(id);
    expect(d.events.map((e) => e.kind)).toEqual(['fromTicket']);
  });

  it('validates article fields: empty, too long, unknown model, files', async () => {
    const r = await setup();
    const empty = await h.call(r.engineer, 'knowledge.create', { title: '  ', symptom: '' });
    expect(empty.ok === false && empty.error.fields).toEqual({ title: '必填', symptom: '必填' });
    const long = await h.call(r.engineer, 'knowledge.create', { title: '长'.repeat(121), symptom: '现象' });
    expect(long.ok === false && long.error.fields).toEqual({ title: '最多 120 个字符' });
    const model = await h.call(r.engineer, 'knowledge.create', { title: '标题', symptom: '现象', modelIds: [999] });
    expect(model.ok === false && model.error.code).toBe('NOT_FOUND');
    const bytes = Buffer.from('自查清单');
    const withFile = await h.ok(r.engineer, 'knowledge.create', { title: '带附件', symptom: '现象', files: [{ fileName: '清单.txt', mime: 'text/plain', dataBase64: bytes.toString('base64') }] });
    expect(withFile.attachments.map((f) => f.fileName)).toEqual(['清单.txt']);
    const back = await h.ok(r.clerk, 'attachments.get', { id: withFile.attachments[0]!.id });
    expect(Buffer.from(back.dataBase64, 'base64').toString()).toBe('自查清单');
    const kept = await h.ok(r.engineer, 'knowledge.update', { id: withFile.id, version: withFile.version, title: '带附件', symptom: '现象', keepAttachmentIds: [] });
    expect(kept.attachments).toEqual([]);
  });
});

describe('demo data', () => {
  it('brings articles for the seed 001 faults, one waiting for review', async () => {
    h = await openHarness();
    const r = await h.signedIn();
    await h.ok(r.admin, 'demo.load', {});
    const [cooling] = await h.ok(r.clerk, 'knowledge.search', { q: '制冷效果差' });
    expect([cooling?.title, cooling?.models.map((m) => m.code)]).toEqual(['空调制冷效果差', ['KFR-35']]);
    expect((await h.ok(r.clerk, 'knowledge.search', { q: '屏幕 失灵' }))[0]?.title).toBe('手机屏幕偶尔失灵（触摸无反应）');
    expect((await h.ok(r.clerk, 'knowledge.suggest', { faultDescription: '屏幕偶尔失灵，触碰无反应' }))[0]?.title).toBe('手机屏幕偶尔失灵（触摸无反应）');
    expect((await h.ok(r.supervisor, 'knowledge.search', { q: '', states: ['in_review'] })).map((a) => a.title)).toEqual(['手机通话断断续续，对方听不清']);
    const detail = await h.ok(r.clerk, 'knowledge.get', { id: cooling!.id });
    expect(detail.selfCheck).toContain('取下滤网');
    expect(detail.events.map((e) => `${e.kind}:${e.actorName}`)).toEqual(['created:张工', 'submit:张工', 'approve:赵主管']);
  });
});
