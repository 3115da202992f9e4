/**
 * The depot (返修登记表) today: a device in every register state — just received, being inspected, waiting for
 * the customer's answer to a quote, under repair (one past the date the customer was given), waiting for a part
 * that ran out (the ticket's clock paused, the customer told a new date), repaired or unrepairable and waiting
 * for pickup, and one scrapped with the customer's consent. Handed-back devices are in the history. Two phone
 * customers took a loaner home (one brought it back, one still has it).
 */
import { checkIn, inform, returnMove } from './depot';
import { giveBack, lend } from './loop';
import { consentQuote, labour, partLine, quote } from './fees';
import { diagnose, dispatch, plan, start, work } from './flows';
import type { DemoRun } from './runner';
import { DemoTicket, move, pause } from './ticket';
import { DAY, HOUR, MIN } from './time';

const phoneKit = { condition: [{ item: '外观划痕', checked: true }, { item: '屏幕完好', checked: false }], accessories: [{ name: '充电器', quantity: 1 }, { name: '数据线', quantity: 1 }] };
const tabletKit = { condition: [{ item: '外观划痕', checked: false }], accessories: [{ name: '充电器', quantity: 1 }, { name: '保护套', quantity: 1 }] };

/** Planned for the depot, dispatched to 李工 and checked in at the counter. */
function intoDepot(t: DemoTicket, diagnosis: string, repair: string, kit: typeof phoneKit): DemoTicket {
  plan(diagnose(t, '已指导客户重启并检查充电器，故障依旧，建议送修。'), 'li', { mode: 'depot', diagnosis, plan: repair });
  return dispatch(t, 'li').then(HOUR, checkIn('clerk', kit));
}

function early(run: DemoRun): void {
  const { time } = run;
  // Brought to the counter yesterday evening: received, not yet looked at.
  const tablet = new DemoTicket(run, time.day(1, '17:30'), { customer: 'lin', model: 'T20', serial: 'T20-2405-0456', purchased: time.date(-240), fault: '屏幕闪烁，偶尔黑屏', channel: 'walk_in' });
  plan(diagnose(tablet, '', 10 * MIN), 'li', { mode: 'depot', diagnosis: '疑似屏幕排线故障', plan: '送返修站检测' }, 20 * MIN).then(20 * MIN, checkIn('clerk', tabletKit));
  // Out of warranty and wet: inspection first, the quote follows.
  const wet = new DemoTicket(run, time.day(2, '10:30'), { customer: 'zheng', model: 'P50', serial: 'P50-2310-3301', purchased: time.date(-420), fault: '手机进水后无法开机', urgency: 'important', channel: 'walk_in' });
  intoDepot(wet, '进水导致主板短路', '返修站拆机检测，清洗主板后报价', phoneKit).then(3 * HOUR, returnMove('li', 'startInspection'));
  // Inspected; the customer has the quote for a new battery and has not answered.
  const battery = new DemoTicket(run, time.day(3, '14:10'), { customer: 'zheng', model: 'T20', serial: 'T20-2208-0912', purchased: time.date(-820), fault: '平板无法充电，充电指示灯不亮' });
  intoDepot(battery, '电池老化无法激活', '更换电池', tabletKit)
    .then(2 * HOUR, returnMove('li', 'startInspection'))
    .then(HOUR, returnMove('li', 'requestQuote', '电池已过保，需客户确认费用'))
    .then(20 * MIN, quote('clerk', [labour('电子'), partLine('BAT-T20')]));
}

function underRepair(run: DemoRun): void {
  const { time } = run;
  // Out of warranty, quote signed at the counter; under repair past the date the customer was given.
  const cracked = new DemoTicket(run, time.day(12, '11:20'), { customer: 'chen', model: 'P50', serial: 'P50-2311-4402', purchased: time.date(-430), fault: '摔落后屏幕碎裂，显示花屏', channel: 'walk_in' });
  plan(diagnose(cracked, '', 10 * MIN), 'li', { mode: 'depot', diagnosis: '屏幕总成损坏', plan: '更换屏幕总成' }, 30 * MIN)
    .then(10 * MIN, quote('clerk', [labour('电子'), partLine('LCD-P50')]))
    .then(10 * MIN, consentQuote('clerk', 'onsite', '客户到店签字确认'));
  // The customer took a loaner home meanwhile, and brought it back once a spare phone of their own turned up.
  dispatch(cracked, 'li').then(20 * MIN, checkIn('clerk', phoneKit)).then(10 * MIN, lend('clerk', 'LN-P50-01', 50_000, 7));
  start(cracked, 'li', 'depot').then(DAY, returnMove('li', 'startInspection')).then(2 * DAY, returnMove('li', 'startRepair')).then(2 * DAY, giveBack('clerk', 'LN-P50-01'));
  // In warranty; the microphone ran out: the ticket's clock stops, the customer is told a new date.
  const mic = new DemoTicket(run, time.day(6, '10:30'), { customer: 'zhou', model: 'P50', serial: 'P50-2504-7710', purchased: time.date(-200), fault: '通话断断续续，对方听不清', urgency: 'important' });
  // A phone the customer cannot do without: a loaner until the part arrives.
  intoDepot(mic, '主麦克风损坏', '更换主麦克风', phoneKit).then(10 * MIN, lend('clerk', 'LN-P50-02', 50_000, 14));
  start(mic, 'li', 'depot')
    .then(3 * HOUR, returnMove('li', 'startInspection'))
    .then(2 * HOUR, returnMove('li', 'startRepair'))
    .then(HOUR, returnMove('li', 'waitForParts', '主麦克风库存用完，已向总部调货'))
    .then(10 * MIN, pause('li', 'parts', '等待主麦克风到货'))
    .then(2 * HOUR, inform('clerk', time.date(3), '配件预计三天内到货，已电话告知客户'));
}

function finished(run: DemoRun): void {
  const { time } = run;
  // Repaired in warranty; waiting for the customer to collect it.
  const charged = new DemoTicket(run, time.day(5, '15:00'), { customer: 'wu', model: 'T20', serial: 'T20-2502-1203', purchased: time.date(-250), fault: '无法充电，充电指示灯不亮' });
  work(start(intoDepot(charged, '电池老化无法激活', '更换电池', tabletKit), 'li', 'depot').then(2 * HOUR, returnMove('li', 'startInspection')).then(HOUR, returnMove('li', 'startRepair')), 'li', '更换电池，充电测试正常。', [{ partNo: 'BAT-T20', quantity: 1 }])
    .then(30 * MIN, returnMove('li', 'finishRepair'));
  // The board is corroded and its parts are discontinued: unrepairable, waiting to be collected.
  const drowned = new DemoTicket(run, time.day(8, '09:40'), { customer: 'zhou', model: 'W8', serial: 'W8-2506-0088', purchased: time.date(-300), fault: '手表进水后屏幕不亮' });
  start(intoDepot(drowned, '进水后主板腐蚀', '返修站检测', phoneKit), 'li', 'depot')
    .then(3 * HOUR, returnMove('li', 'startInspection'))
    .then(DAY, returnMove('li', 'declareUnrepairable', '主板进水腐蚀严重，配件已停产，无维修价值'));
  // Repair would cost more than a new phone: the customer declined and agreed in writing to scrap it.
  const old = new DemoTicket(run, time.day(25, '16:10'), { customer: 'lin', model: 'P50', serial: 'P50-2101-0007', purchased: time.date(-1500), fault: '手机无法开机，充电无反应' });
  intoDepot(old, '主板电源管理芯片损坏', '更换主板', phoneKit)
    .then(3 * HOUR, returnMove('li', 'startInspection'))
    .then(HOUR, returnMove('li', 'requestQuote', '需更换主板'))
    .then(DAY, returnMove('clerk', 'quoteDeclined', '维修费用高于新机价格，客户放弃维修'))
    .then(2 * DAY, returnMove('clerk', 'scrap', '客户书面同意报废，设备由服务中心回收处理'))
    .then(10 * MIN, move('clerk', { move: 'cancel', reason: '设备无维修价值，客户同意报废' }));
}

export function addWorkshop(run: DemoRun): void {
  early(run);
  underRepair(run);
  finished(run);
}
