/**
 * The work in hand: a ticket at each lifecycle stage — the two seed 001 samples just registered and in
 * diagnosis, a plan waiting for the supervisor, an approved one waiting for the customer's consent and quote,
 * plans not yet dispatched, engineers on their way and at work, acceptances waiting for the follow-up call
 * (one overdue), a follow-up waiting to be archived, one reopened after an unsolved follow-up, a cancellation,
 * and a safety case that ran past its deadline and was escalated. Several are past their deadlines.
 */
import { callout, labour, partLine, quote } from './fees';
import { acceptance, diagnose, dispatch, plan, start, work } from './flows';
import type { DemoRun } from './runner';
import { DemoTicket, escalate, followUp, move } from './ticket';
import { DAY, HOUR, MIN } from './time';

export interface OpenWork {
  /** Tickets the engineers are booked for this week. */
  visits: DemoTicket[];
}

function seeds(run: DemoRun): void {
  const { time } = run;
  // Seed 001's two samples: the air conditioner came in last night, the phone yesterday with its self-check attached.
  new DemoTicket(run, time.ago(14 * HOUR), {
    customer: 'chen', model: 'KFR-35', serial: '202403X0001', purchased: time.date(-950), fault: '制冷效果差，出风温度高于设定温度5℃', urgency: 'important',
  });
  const phone = new DemoTicket(run, time.ago(20 * HOUR), {
    customer: 'lin', model: 'P50', serial: '202404Y0002', purchased: time.date(-200), fault: '屏幕偶尔失灵，触碰无反应', urgency: 'urgent', channel: 'online', articles: ['touch'],
  });
  diagnose(phone, '已指导客户取下贴膜、拔掉充电器并重启，故障仍偶尔出现。', 15 * MIN);
}

function planning(run: DemoRun): DemoTicket[] {
  const { time } = run;
  // A compressor is a core part: the plan waits for the supervisor.
  const fridge = new DemoTicket(run, time.day(3, '10:10'), {
    customer: 'zhou', model: 'BCD-450', serial: 'BCD450-2309-0117', purchased: time.date(-800), fault: '冷藏室不制冷，压缩机频繁启动，已持续两天', urgency: 'important',
  });
  plan(diagnose(fridge), 'zhang', { mode: 'onsite', diagnosis: '压缩机排气压力不足，效率下降', plan: '更换压缩机并加注冷媒', core: true, estimateFen: 150_000 });
  // Approved by the supervisor; the out-of-warranty customer has the quote but has not said yes yet.
  const hotel = new DemoTicket(run, time.day(4, '14:30'), {
    customer: 'jiahe', model: 'KFR-35', serial: 'KFR35-JH-0201', purchased: time.date(-1400), fault: '客房空调室外机漏水，显示故障代码 E4，制冷时有异响', urgency: 'important',
  });
  plan(diagnose(hotel), 'zhang', { mode: 'onsite', diagnosis: '压缩机磨损异响，排水管老化', plan: '更换压缩机，更换排水管', core: true, estimateFen: 260_000 })
    .then(3 * HOUR, move('super', { move: 'approvePlan' }))
    .then(30 * MIN, quote('clerk', [labour('家电', 'complex'), callout, partLine('CMP-KFR35')], '压缩机已过保，按收费标准报价'));
  // A plan without approval, not yet dispatched.
  const office = new DemoTicket(run, time.day(1, '15:40'), {
    customer: 'hengtong', model: 'KFR-35', serial: 'KFR35-HT-0003', purchased: time.date(-400), fault: '遥控器操作后空调无反应，面板指示灯闪烁',
  });
  plan(diagnose(office), 'zhang', { mode: 'onsite', diagnosis: '疑似接收头或控制板故障', plan: '上门检测接收头与控制板' });
  // Dispatched, the engineer has called and comes tomorrow.
  const washer = new DemoTicket(run, time.day(2, '11:00'), {
    customer: 'jiahe', model: 'XQG-100', serial: 'XQG100-JH-0202', purchased: time.date(-300), fault: '洗衣房滚筒洗衣机脱水时噪音很大，机身晃动', channel: 'email',
  });
  dispatch(plan(diagnose(washer), 'zhang', { mode: 'onsite', diagnosis: '减震器疑似失效', plan: '上门检查减震器，必要时更换' }), 'zhang');
  return [office, washer];
}

function inService(run: DemoRun): DemoTicket[] {
  const { time } = run;
  // At work since this morning's visit; the leak is still being traced.
  const meeting = new DemoTicket(run, time.day(1, '09:15'), {
    customer: 'hengtong', model: 'KFR-35', serial: 'KFR35-HT-0002', purchased: time.date(-400), fault: '会议室空调制冷效果差，温度降不下来', urgency: 'important',
  });
  dispatch(plan(diagnose(meeting), 'zhang', { mode: 'onsite', diagnosis: '低压偏低，疑似冷媒泄漏', plan: '检漏补焊，加注冷媒' }), 'zhang');
  work(start(meeting, 'zhang', 'onsite', 2 * HOUR), 'zhang', '已清洗滤网，检测低压 0.35 MPa，正在检漏。');
  // Smoke-like smell at the plug: a safety risk, always urgent; dispatched at once, the visit slipped, escalated.
  const smell = new DemoTicket(run, time.day(2, '16:20'), {
    customer: 'sun', model: 'BCD-450', serial: 'BCD450-2405-0220', purchased: time.date(-500), fault: '冰箱电源插头处有焦味，偶尔跳闸', safety: true,
  });
  diagnose(smell, '已提醒客户立即断电，暂停使用。', 10 * MIN);
  dispatch(plan(smell, 'zhang', { mode: 'onsite', diagnosis: '电源线或插头过热', plan: '上门检查电源线与插座，更换电源线' }, 30 * MIN), 'zhang', 10 * MIN)
    .then(20 * HOUR, escalate('super', '安全隐患工单超时未上门，升级由主管跟进'));
  return [meeting, smell];
}

function accepted(run: DemoRun): void {
  const { time } = run;
  // Solved remotely this afternoon: the follow-up call is due tomorrow.
  const watch = new DemoTicket(run, time.ago(10 * HOUR), { customer: 'sun', model: 'W8', serial: 'W8-2409-0031', purchased: time.date(-150), fault: '心率监测数据异常，运动时忽高忽低', type: 'software', channel: 'online' });
  plan(diagnose(watch, '远程协助客户排查。', 20 * MIN), 'li', { mode: 'remote', diagnosis: '固件版本过旧', plan: '远程指导升级固件' }, 40 * MIN);
  acceptance(work(start(dispatch(watch, 'li', 20 * MIN), 'li', 'remote', 20 * MIN), 'li', '远程指导升级固件并校准，数据正常。', [], 40 * MIN), 'clerk', 'satisfied');
  // Accepted four days ago and nobody has called back: the follow-up is overdue.
  const freezer = new DemoTicket(run, time.day(5, '09:50'), { customer: 'jiahe', model: 'BCD-450', serial: 'BCD450-JH-0203', purchased: time.date(-700), fault: '厨房冰箱冷冻室结霜严重，门关不严' });
  acceptance(work(start(dispatch(plan(diagnose(freezer), 'zhang', { mode: 'onsite', diagnosis: '门封条变形漏气', plan: '校正门封条' }), 'zhang'), 'zhang', 'onsite'), 'zhang', '校正门封条，调整门铰链，门封严密。'), 'zhang', 'very_satisfied');
  // Followed up yesterday, waiting to be archived.
  const filter = new DemoTicket(run, time.day(4, '13:20'), { customer: 'hengtong', model: 'KFR-35', serial: 'KFR35-HT-0001', purchased: time.date(-400), fault: '出风有异味，滤网积灰', type: 'maintenance' });
  acceptance(work(start(dispatch(plan(diagnose(filter), 'zhang', { mode: 'onsite', diagnosis: '滤网积尘', plan: '清洗滤网与蒸发器' }), 'zhang'), 'zhang', 'onsite'), 'zhang', '清洗滤网与蒸发器并消毒，异味消除。'), 'zhang', 'satisfied')
    .then(DAY, followUp('clerk', 'satisfied', '客户确认异味已消除'));
}

function reopenedAndCancelled(run: DemoRun): void {
  const { time } = run;
  // Repaired, but the follow-up call found it still warm inside: reopened, back in diagnosis (the complaint follows today).
  const warm = new DemoTicket(run, time.day(12, '10:40'), { customer: 'wu', model: 'BCD-450', serial: 'BCD450-2402-0388', purchased: time.date(-600), fault: '冷藏室温度偏高，食物容易变质', urgency: 'important' });
  acceptance(work(start(dispatch(plan(diagnose(warm), 'zhang', { mode: 'onsite', diagnosis: '冷藏温度传感器阻值漂移', plan: '更换冷藏温度传感器' }), 'zhang'), 'zhang', 'onsite'), 'zhang', '更换冷藏温度传感器，运行 2 小时冷藏室 4℃。', [{ partNo: 'SNS-BCD450', quantity: 1 }]), 'zhang', 'satisfied')
    .then(2 * DAY, move('clerk', { move: 'followUpUnsolved', reason: '回访时客户反映冷藏室温度仍偏高，故障未解决' }));
  // The customer fixed it themselves: cancelled in diagnosis.
  const wifi = new DemoTicket(run, time.day(9, '19:05'), { customer: 'sun', model: 'T20', serial: 'T20-2401-5521', purchased: time.date(-500), fault: '无线网络连接不上，提示密码错误', type: 'usage', channel: 'online' });
  diagnose(wifi, '', 14 * HOUR).then(HOUR, move('clerk', { move: 'cancel', reason: '客户重置路由器后已恢复，取消报修' }));
}

export function addOpenWork(run: DemoRun): OpenWork {
  seeds(run);
  const planned = planning(run);
  const working = inService(run);
  accepted(run);
  reopenedAndCancelled(run);
  return { visits: [...planned, ...working] };
}
