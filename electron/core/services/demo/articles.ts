/**
 * The demo's knowledge base (常见故障处理手册): the articles for the seed 001 faults and a few more, written by the
 * engineers and reviewed by the supervisor through the API, so their history is real. One waits in the review
 * queue, one is still a draft, one was archived when its model changed.
 */
import type { ArticleState } from '../../../../shared/domain/knowledge';
import { engineerFor } from './people';
import type { DemoRun } from './runner';
import { DAY, HOUR } from './time';

interface DemoArticle {
  key: string;
  title: string;
  models: string[];
  symptom: string;
  cause: string;
  selfCheck: string;
  solution: string;
  prevention: string;
  state: ArticleState;
}

const ARTICLES: DemoArticle[] = [
  {
    key: 'cooling',
    title: '空调制冷效果差',
    models: ['KFR-35'],
    symptom: '制冷效果差，出风不凉，室温降不下来，出风温度比设定温度高 5℃ 以上。',
    cause: '最常见为室内机滤网积尘堵塞、室外机散热不良；其次为冷媒（制冷剂）泄漏导致压力偏低。',
    selfCheck: '1. 确认遥控器为"制冷"模式，设定温度低于室温至少 3℃。\n2. 打开面板取下滤网，用清水冲洗、阴干后装回。\n3. 查看室外机周围 50 cm 内是否有杂物遮挡、是否在运转。\n4. 关闭门窗运行 15 分钟后再测出风温度。',
    solution: '1. 清洗室内机滤网与蒸发器。\n2. 清理室外机冷凝器。\n3. 测量低压侧压力，低于 0.4 MPa 时检漏、补焊并按铭牌加注 R32。\n4. 试机 30 分钟，出风温差 ≥ 8℃ 为正常。',
    prevention: '每月清洗滤网一次；每年入夏前做一次保养。',
    state: 'published',
  },
  {
    key: 'touch',
    title: '手机屏幕偶尔失灵（触摸无反应）',
    models: ['P50'],
    symptom: '屏幕偶尔失灵，触碰无反应，几秒后恢复；多见于充电时或贴了厚膜。',
    cause: '贴膜过厚或有气泡、充电器接地不良造成触摸干扰；少数为屏幕排线松动或系统版本过旧。',
    selfCheck: '1. 取下手机壳和贴膜后再试。\n2. 拔掉充电器后再试，换用原装充电器。\n3. 长按电源键重启手机。\n4. 设置 → 系统更新，升级到最新版本。',
    solution: '1. 升级系统并恢复触摸校准。\n2. 仍复现时拆机重新插接屏幕排线。\n3. 排线无异常则更换屏幕总成。',
    prevention: '使用原装充电器；选用 0.3 mm 以下的贴膜。',
    state: 'published',
  },
  {
    key: 'fridge',
    title: '冰箱冷藏室不制冷，压缩机频繁启动',
    models: ['BCD-450'],
    symptom: '冷藏室不制冷或温度偏高，压缩机频繁启动、停机。',
    cause: '门封不严、冷藏风门结霜堵塞，或温度传感器故障。',
    selfCheck: '1. 检查冰箱门是否关严，门封条有无破损。\n2. 确认温度设定在 2–5℃。\n3. 冷藏室出风口前不要堆放食物。\n4. 断电 30 分钟后重新通电观察。',
    solution: '1. 化霜并清理风道。\n2. 测量冷藏传感器阻值，异常则更换。\n3. 更换变形的门封条。',
    prevention: '避免长时间开门；放入食物前先放凉。',
    state: 'published',
  },
  {
    key: 'washer',
    title: '洗衣机脱水噪音大、机身晃动',
    models: ['XQG-100'],
    symptom: '脱水时噪音很大，机身晃动甚至移位。',
    cause: '运输螺栓未拆、底脚不平或衣物偏在一侧；少数为减震器或轴承损坏。',
    selfCheck: '1. 确认背面的运输螺栓已全部拆下。\n2. 调整四个底脚，使机身放平不晃。\n3. 把衣物抖散重新放匀后再脱水。',
    solution: '1. 校平机身。\n2. 检查减震器阻尼，失效则成对更换。\n3. 轴承异响则更换轴承与油封。',
    prevention: '单次洗涤不超过额定容量；大件衣物单独洗。',
    state: 'published',
  },
  {
    key: 'charging',
    title: '平板无法充电，充电指示灯不亮',
    models: ['T20'],
    symptom: '无法充电，插上充电器后指示灯不亮，电量不增加。',
    cause: '充电口有异物、充电线或充电器损坏；电池深度放电时需较长时间才显示充电。',
    selfCheck: '1. 用软毛刷清理充电口。\n2. 换一根原装数据线和充电器再试。\n3. 保持充电 30 分钟后再长按电源键 15 秒开机。',
    solution: '1. 检测充电口和尾插小板，损坏则更换。\n2. 电池无法激活时更换电池。',
    prevention: '不要边充电边玩大型游戏；长期不用时保持 50% 电量。',
    state: 'published',
  },
  {
    key: 'e4',
    title: '空调室外机漏水，显示故障代码 E4',
    models: ['KFR-35'],
    symptom: '室外机漏水，面板显示故障代码 E4。',
    cause: 'E4 为室外排水/化霜异常；冬季制热化霜水属于正常现象，夏季大量漏水多为排水管堵塞。',
    selfCheck: '1. 冬季制热时室外机滴水属正常化霜，告知客户。\n2. 查看排水管是否弯折、堵塞。\n3. 断电 3 分钟后重新开机，看 E4 是否消失。',
    solution: '1. 疏通排水管。\n2. 检查化霜传感器，异常则更换。',
    prevention: '每年检查排水管走向，避免倒坡。',
    state: 'published',
  },
  {
    key: 'call',
    title: '手机通话断断续续，对方听不清',
    models: ['P50'],
    symptom: '通话断断续续，对方听不清，免提正常。',
    cause: '听筒网罩堵塞或主麦克风进灰；信号弱时也会出现。',
    selfCheck: '1. 开免提通话对比。\n2. 关闭再打开飞行模式。\n3. 清洁听筒和麦克风孔。',
    solution: '1. 清洁或更换麦克风。\n2. 检查天线触点。',
    prevention: '避免在潮湿环境使用。',
    state: 'in_review',
  },
  {
    key: 'watch',
    title: '智能手表心率监测数据异常',
    models: ['W8'],
    symptom: '运动时心率读数忽高忽低，静止时显示 0 或明显偏高。',
    cause: '表带过松、手腕毛发或汗液影响光学传感器；固件旧版本的算法问题。',
    selfCheck: '1. 把表带收紧到手腕骨上方一指处。\n2. 用干布擦净背部传感器。\n3. 在 App 中把手表固件升级到最新版本。',
    solution: '1. 升级固件后重新校准。\n2. 仍异常时更换背部传感器模组。',
    prevention: '运动后及时擦拭传感器。',
    state: 'draft',
  },
  {
    key: 'remote',
    title: '空调遥控器失灵（旧款红外遥控器）',
    models: ['KFR-35'],
    symptom: '遥控器按键无反应，空调不接收指令。',
    cause: '电池电量不足或旧款遥控器的红外发射管老化。',
    selfCheck: '1. 更换两节 7 号电池。\n2. 用手机摄像头对准遥控器发射口按键，看是否有闪光。',
    solution: '更换遥控器（新款已改为 App 控制，本文仅适用于 2022 年前的机型）。',
    prevention: '长期不用时取出电池。',
    state: 'archived',
  },
];

/** When each state was reached, counted back from now: the base was written as the desk opened. */
async function write(run: DemoRun, a: DemoArticle): Promise<void> {
  const { key, models, state, ...text } = a;
  const writer = engineerFor(models[0]!);
  const created = await run.call(writer, 'knowledge.create', { ...text, modelIds: models.map((m) => run.model(m)) });
  run.articles.set(key, created.id);
  const step = async (who: 'super' | 'zhang' | 'li', move: 'submit' | 'approve' | 'archive') =>
    run.call(who, 'knowledge.move', { id: created.id, version: await run.version('knowledge_articles', created.id), move, comment: '' });
  if (state === 'draft') return;
  await step(writer, 'submit');
  if (state === 'in_review') return;
  await step('super', 'approve');
}

export function addArticles(run: DemoRun, openedAt: number): void {
  for (const a of ARTICLES) {
    // Published ones as the desk opened; the one in review last week; the draft yesterday.
    const at = a.state === 'in_review' ? run.time.ago(6 * DAY) : a.state === 'draft' ? run.time.ago(20 * HOUR) : openedAt + 2 * HOUR;
    run.at(at, () => write(run, { ...a, state: a.state === 'archived' ? 'published' : a.state }));
  }
  // The old remote control was replaced by the app: the supervisor archived its article a month ago.
  run.at(run.time.ago(30 * DAY), async () =>
    run.call('super', 'knowledge.move', { id: run.article('remote'), version: await run.version('knowledge_articles', run.article('remote')), move: 'archive', comment: '新款机型已改为 App 控制' }),
  );
  // First-line staff marked the two seed articles as helpful.
  for (const key of ['cooling', 'touch']) run.at(run.time.ago(10 * DAY), () => run.call('clerk', 'knowledge.helped', { id: run.article(key), helped: true }));
}
