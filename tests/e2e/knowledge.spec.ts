import { test, expect, api, shot, deskNow } from './fixtures';
import { IntakePage } from './pages/intake-page';
import { CLERK, ENGINEER, PHOTO, SUPERVISOR, signIn } from './people';

test.use({ demo: true });

test('an engineer drafts and submits an article; the supervisor sends it back, then approves it; a clerk finds it', async ({ page, desk, browser }) => {
  test.setTimeout(120_000);
  for (const p of [CLERK, SUPERVISOR, ENGINEER]) await api(page.request, desk.url, 'users.create', p);

  // Engineer: a new draft, typed with the keyboard only (Enter moves on in single-line fields, Ctrl+Enter saves).
  const engineer = await signIn(browser, desk.url, ENGINEER);
  await engineer.goto(`${desk.url}/#/knowledge`);
  await expect(engineer.getByTestId('knowledge-search')).toBeFocused();
  await engineer.getByTestId('new-article').click();
  const title = engineer.getByTestId('article-field-title');
  await expect(title).toBeFocused();
  await title.fill('冰箱冷藏室有异味');
  await engineer.getByTestId('article-field-symptom').fill('打开冷藏室门有明显异味，食物串味。');
  await engineer.getByTestId('article-field-cause').fill('排水孔堵塞、积水发臭；生熟食物未密封。');
  await engineer.getByTestId('article-field-selfCheck').fill('1. 清理冷藏室后壁下方的排水孔。\n2. 用温水加小苏打擦拭内胆。\n3. 食物用保鲜盒密封存放。');
  await engineer.getByTestId('article-field-solution').fill('疏通排水管，必要时更换除味滤芯。');
  await engineer.locator('input[type=file]').setInputFiles({ name: '排水孔位置.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(engineer.getByRole('button', { name: '排水孔位置.png' })).toBeVisible();
  await engineer.getByTestId('article-field-solution').focus();
  await engineer.keyboard.press('Control+Enter');
  await expect(engineer.getByTestId('article-state')).toHaveText('草稿');
  await expect(engineer.getByTestId('article-attachments').getByText('排水孔位置.png')).toBeVisible();
  await engineer.getByTestId('article-move-submit').click();
  await expect(engineer.getByTestId('article-state')).toHaveText('待审核');
  await expect(engineer.getByTestId('article-edit')).toHaveCount(0);
  const articleUrl = engineer.url();

  // Supervisor: the review queue shows it next to the demo article; sending back needs a comment.
  const supervisor = await signIn(browser, desk.url, SUPERVISOR);
  await supervisor.goto(`${desk.url}/#/knowledge`);
  await expect(supervisor.getByTestId('review-queue-link')).toHaveText('审核队列（2）');
  await supervisor.getByTestId('review-queue-link').click();
  await expect(supervisor.getByTestId('article-hit')).toHaveCount(2);
  await shot(supervisor, 'knowledge-review-queue');
  await supervisor.getByTestId('article-hit').filter({ hasText: '冰箱冷藏室有异味' }).click();
  await supervisor.getByTestId('article-move-sendBack').click();
  await expect(supervisor.getByTestId('article-error')).toContainText('审核意见');
  await supervisor.getByTestId('review-comment').fill('请补充除味滤芯的型号。');
  await supervisor.getByTestId('article-move-sendBack').click();
  await expect(supervisor.getByTestId('article-state')).toHaveText('草稿');

  // Engineer: reads the comment, adds the detail, submits again.
  await engineer.goto(articleUrl);
  await expect(engineer.getByTestId('article-review-comment')).toContainText('除味滤芯的型号');
  await engineer.getByTestId('article-edit').click();
  await engineer.getByTestId('article-field-notes').fill('除味滤芯型号：BCD-XW01。');
  await engineer.getByTestId('article-save').click();
  await expect(engineer.getByTestId('article-notes')).toContainText('BCD-XW01');
  await engineer.getByTestId('article-move-submit').click();
  await expect(engineer.getByTestId('article-state')).toHaveText('待审核');

  // Supervisor approves: published, with the whole review history.
  await supervisor.goto(articleUrl);
  await supervisor.getByTestId('article-move-approve').click();
  await expect(supervisor.getByTestId('article-state')).toHaveText('已发布');
  await expect(supervisor.getByTestId('history-item')).toHaveCount(6);
  await expect(supervisor.getByTestId('history-item').nth(2)).toContainText('请补充除味滤芯的型号。');
  await shot(supervisor, 'knowledge-article-approved');

  // Clerk: a two-character search finds it, the match marked; opening it counts a view; "this helped".
  const clerk = await signIn(browser, desk.url, CLERK);
  await clerk.goto(`${desk.url}/#/knowledge`);
  await clerk.getByTestId('knowledge-search').fill('异味');
  await expect(clerk.getByTestId('article-hit').first()).toContainText('冰箱冷藏室有异味');
  await expect(clerk.getByTestId('article-hit').first().getByTestId('hit-mark').first()).toHaveText('异味');
  await clerk.getByTestId('knowledge-search').press('Enter');
  await expect(clerk.getByTestId('article-title')).toHaveText('冰箱冷藏室有异味');
  await expect(clerk.getByTestId('article-views')).toHaveText('浏览 1 次');
  await clerk.getByTestId('article-helped').click();
  await expect(clerk.getByTestId('article-helped')).toHaveText('有帮助（1）');
  await expect(clerk.getByTestId('article-moves')).toHaveCount(0);
  await clerk.getByTestId('language-switch').getByText('English').click();
  await expect(clerk.getByTestId('article-helped')).toHaveText('This helped (1)');
  await expect(clerk.getByTestId('article-state')).toHaveText('Published');
  await shot(clerk, 'knowledge-article-en');
});

test('a clerk types a symptom on the intake form, attaches the suggested article, and the ticket shows its self-check steps', async ({ page, desk, browser }) => {
  test.setTimeout(120_000);
  await api(page.request, desk.url, 'users.create', CLERK);
  const clerk = await signIn(browser, desk.url, CLERK);

  // The knowledge base page: a multi-word Chinese query, title hits first, matches marked.
  await clerk.goto(`${desk.url}/#/knowledge`);
  await clerk.getByTestId('knowledge-search').fill('屏幕 失灵');
  await expect(clerk.getByTestId('article-hit').first().getByTestId('article-hit-title')).toHaveText('手机屏幕偶尔失灵（触摸无反应）');
  await shot(clerk, 'knowledge-search');

  const intake = new IntakePage(clerk);
  await intake.goto(desk.url);
  await intake.newCustomer({ customerName: '钱', phone: '13511112222', serial: 'KF35-QS-0009', modelLabel: 'KFR-35 · 智能空调 KFR-35GW', fault: '' });
  await intake.newDevice({ customerName: '钱', phone: '13511112222', serial: 'KF35-QS-0009', modelLabel: 'KFR-35 · 智能空调 KFR-35GW', fault: '' });
  await intake.description.pressSequentially('制冷');
  const suggestion = clerk.getByTestId('suggestion').first();
  await expect(suggestion).toContainText('空调制冷效果差');
  await expect(suggestion.getByTestId('hit-mark').first()).toHaveText('制冷');
  // One keystroke attaches the first suggestion.
  await clerk.keyboard.press('Alt+1');
  await expect(suggestion.getByTestId('suggestion-attach')).toHaveText('已附上');
  await shot(clerk, 'knowledge-intake-suggestion');
  await intake.description.pressSequentially('效果差，出风不凉');
  await intake.submit.click();
  await intake.createdNumber.waitFor();
  await clerk.getByTestId('open-created').click();

  const panel = clerk.getByTestId('ticket-knowledge');
  await expect(panel.getByTestId('linked-article')).toHaveCount(1);
  await expect(panel.getByTestId('linked-self-check')).toContainText('取下滤网，用清水冲洗、阴干后装回');
  await expect(clerk.locator('[data-testid="timeline-item"][data-kind="knowledgeAttached"]')).toContainText('《空调制冷效果差》');
  await shot(clerk, 'knowledge-ticket-self-check');
});

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

test('a closed ticket becomes a prefilled draft article from its detail page', async ({ page, desk, browser }) => {
  test.setTimeout(120_000);
  await api(page.request, desk.url, 'users.create', SUPERVISOR);
  // The ticket goes from intake to archive through the API (the lifecycle spec covers those screens).
  const models = await api<{ id: number; code: string }[]>(page.request, desk.url, 'models.list');
  const modelId = models.find((m) => m.code === 'BCD-450')!.id;
  const { id } = await api<{ id: number }>(page.request, desk.url, 'tickets.create', {
    channel: 'phone', reportedAt: (await deskNow(page.request, desk.url)).toISOString(), contactName: '冯女士', contactPhone: '13622223333', urgency: 'important', problemType: 'hardware',
    faultDescription: '冰箱冷冻室结冰严重，抽屉拉不开', modelId, newCustomer: { name: '冯女士', salutation: 'ms', phone: '13622223333' },
  });
  const engineerId = (await api<{ id: number }[]>(page.request, desk.url, 'users.engineers'))[0]!.id;
  const move = async (input: Record<string, unknown>) => {
    const t = await api<{ version: number }>(page.request, desk.url, 'tickets.get', { id });
    await api(page.request, desk.url, 'tickets.move', { id, version: t.version, ...input });
  };
  await move({ move: 'startDiagnosis', remoteGuidance: '请客户检查冷冻室门封是否贴合，门是否关严' });
  await move({ move: 'submitPlan', serviceMode: 'onsite', remoteGuidance: '请客户检查冷冻室门封是否贴合，门是否关严', diagnosis: '门封条变形漏冷', rootCause: '门封条老化', repairPlan: '更换冷冻室门封条', estimateFen: 0 });
  await move({ move: 'dispatch', engineerId });
  await move({ move: 'startService' });
  await move({ move: 'accept', satisfaction: 'satisfied', comments: '', signature: SIGNATURE });
  await move({ move: 'followUpSolved', attitudeOk: true, satisfaction: 'satisfied', notes: '' });
  await move({ move: 'archive' });

  const supervisor = await signIn(browser, desk.url, SUPERVISOR);
  await supervisor.goto(`${desk.url}/#/tickets/${id}`);
  await supervisor.getByTestId('ticket-to-article').click();
  await expect(supervisor.getByTestId('article-editor')).toBeVisible();
  await expect(supervisor.getByTestId('article-field-title')).toHaveValue('冰箱冷冻室结冰严重，抽屉拉不开');
  await expect(supervisor.getByTestId('article-field-cause')).toHaveValue('门封条老化\n门封条变形漏冷');
  await expect(supervisor.getByTestId('article-field-selfCheck')).toHaveValue('请客户检查冷冻室门封是否贴合，门是否关严');
  await expect(supervisor.getByTestId('article-field-solution')).toHaveValue('更换冷冻室门封条');
  await supervisor.getByTestId('article-field-prevention').fill('每半年检查一次门封条。');
  await shot(supervisor, 'knowledge-from-ticket');
  // Leaving the unsaved article by the menu asks first; staying keeps every word.
  await supervisor.getByRole('link', { name: '知识库', exact: true }).click();
  await expect(supervisor.getByTestId('leave-guard')).toBeVisible();
  await supervisor.getByTestId('leave-stay').click();
  await expect(supervisor.getByTestId('article-field-prevention')).toHaveValue('每半年检查一次门封条。');
  await supervisor.getByTestId('article-field-prevention').focus();
  await supervisor.keyboard.press('Control+Enter');
  await expect(supervisor.getByTestId('article-state')).toHaveText('草稿');
  await expect(supervisor.getByTestId('article-page')).toContainText('来源工单');
  await expect(supervisor.getByTestId('history-item').first()).toContainText('由工单生成草稿');
});
