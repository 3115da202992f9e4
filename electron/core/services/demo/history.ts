/**
 * Six months of finished work: tickets from intake to archive, about two a week, each through the full
 * lifecycle (on site, remotely or through the depot, as the benchmark's rule plans them), with quotes,
 * consent, bills and payments where the customer pays, a few repeat faults, and four bills still owed, one in
 * each receivables ageing bucket.
 */
import type { Channel, Urgency } from '../../../../shared/domain/ticket';
import { pickWeighted, serviceModeWeights, type ServiceMode } from './desk-rules';
import { checkIn, handBack, returnMove } from './depot';
import { faultsOf, FAULTS, type Fault } from './faults';
import { acknowledge, approveDiscount, bill, callout, consentQuote, labour, partLine, pay, quote, type FeeLine } from './fees';
import { acceptance, close, diagnose, dispatch, plan, start, work, type Satisfaction } from './flows';
import { engineerFor, MODELS } from './people';
import type { DemoRun } from './runner';
import { PARTS, partSerial } from './stock';
import { consent, DemoTicket, move } from './ticket';
import { DAY, HOUR, MIN } from './time';

type Payment = 'full' | 'discount' | 'part' | 'none';

export interface Job {
  at: number;
  customer: string;
  fault: Fault;
  serial: string;
  /** Months before the report the device was bought: beyond the model's warranty it is out of warranty; null unknown. */
  ageMonths: number | null;
  mode: ServiceMode;
  channel: Channel;
  urgency: Urgency;
  satisfaction: Satisfaction;
  payment: Payment;
  reportedBefore?: boolean;
  /** A major repair (core parts): the supervisor approves the plan and the customer signs for it before dispatch. */
  major?: boolean;
}

const CUSTOMERS = ['hengtong', 'chen', 'jiahe', 'lin', 'zhou', 'wu', 'zheng', 'sun'];
const CHANNELS: Channel[] = ['phone', 'online', 'phone', 'walk_in', 'phone', 'online', 'email', 'phone'];
const URGENCIES: Urgency[] = ['normal', 'important', 'normal', 'normal', 'urgent', 'normal', 'important'];
const RATINGS: Satisfaction[] = ['very_satisfied', 'satisfied', 'very_satisfied', 'very_satisfied', 'satisfied', 'neutral', 'very_satisfied', 'satisfied', 'very_satisfied', 'dissatisfied'];
const lineOf = (model: string) => MODELS.find((m) => m.code === model)!.productLine as '家电' | '电子';
const consumable = (partNo: string) => PARTS.find((p) => p.partNo === partNo)?.consumable ?? false;

/** The benchmark's service-mode rule; parts are never fitted remotely. The share spreads the picks evenly. */
export function modeFor(fault: Fault, share: number): ServiceMode {
  const weights = serviceModeWeights(lineOf(fault.model), fault.type).filter(([mode]) => fault.parts.length === 0 || mode !== 'remote');
  return pickWeighted(weights, share);
}

/** About two finished tickets a week from six months back; every ninth a repeat of a device seen days before. */
function jobs(run: DemoRun): Job[] {
  const out: Job[] = [];
  for (let i = 0; i < 44; i++) {
    const daysAgo = 182 - i * 4;
    const fault = FAULTS[(i * 5) % FAULTS.length]!;
    const time = `${String(9 + ((i * 7) % 8)).padStart(2, '0')}:${String((i * 13) % 60).padStart(2, '0')}`;
    const job: Job = {
      at: run.time.day(daysAgo, time), customer: CUSTOMERS[i % CUSTOMERS.length]!, fault, serial: `${fault.model.replace('-', '')}-H${String(i).padStart(3, '0')}`,
      ageMonths: i % 7 === 3 ? null : i % 4 === 1 ? 40 : 5 + (i % 6), mode: modeFor(fault, (i * 0.618) % 1), channel: CHANNELS[i % CHANNELS.length]!,
      urgency: URGENCIES[i % URGENCIES.length]!, satisfaction: RATINGS[i % RATINGS.length]!, payment: i % 11 === 6 ? 'discount' : 'full',
    };
    const earlier = out[i - 3];
    // The same device back with the same fault eleven days later (a repeat fault the statistics count).
    if (i % 9 === 8 && earlier) Object.assign(job, { customer: earlier.customer, fault: earlier.fault, serial: earlier.serial, ageMonths: earlier.ageMonths, mode: earlier.mode, reportedBefore: true });
    out.push(job);
  }
  return out;
}

/** Bills still owed, one in each ageing bucket (0–30, 31–60, 61–90, over 90 days): companies settle monthly. */
function owed(run: DemoRun): Job[] {
  const cases: [number, string, string, Payment][] = [[14, 'hengtong', 'KFR35-HT-0101', 'part'], [47, 'jiahe', 'XQG100-JH-0102', 'none'], [78, 'hengtong', 'BCD450-HT-0103', 'none'], [132, 'jiahe', 'KFR35-JH-0104', 'none']];
  const fault = (model: string) => faultsOf(model).find((x) => x.parts.length > 0)!;
  return cases.map(([days, customer, serial, payment]) => ({
    at: run.time.day(days, '10:00'), customer, serial, fault: fault(serial.startsWith('XQG') ? 'XQG-100' : serial.startsWith('BCD') ? 'BCD-450' : 'KFR-35'),
    ageMonths: 50, mode: 'onsite', channel: 'phone', urgency: 'important', satisfaction: 'satisfied', payment,
  }));
}

/** A compressor replaced two months ago: the plan went to the supervisor, the customer signed it on site. */
function major(run: DemoRun): Job {
  const fault: Fault = {
    model: 'KFR-35', fault: '空调完全不制冷，压缩机不启动', type: 'hardware', diagnosis: '压缩机线圈烧毁', plan: '更换压缩机，抽真空后加注 R32',
    steps: '更换压缩机，抽真空并加注 R32 1 kg，试机 30 分钟出风温差 10℃。', parts: [{ partNo: 'CMP-KFR35', quantity: 1, serial: partSerial('CMP-KFR35', 1) }, { partNo: 'R32-1KG', quantity: 1 }],
  };
  return {
    at: run.time.day(61, '09:20'), customer: 'chen', fault, serial: 'KFR35-2311-0042', ageMonths: 26, mode: 'onsite', channel: 'phone', urgency: 'important',
    satisfaction: 'very_satisfied', payment: 'full', major: true,
  };
}

function feeLines(job: Job): FeeLine[] {
  const lines = [labour(lineOf(job.fault.model), job.fault.parts.length > 0 ? 'standard' : 'basic')];
  if (job.mode === 'onsite') lines.push(callout);
  return [...lines, ...job.fault.parts.map((p) => partLine(p.partNo, p.quantity))];
}

/** What the customer pays for (and agrees to first): out-of-warranty work, unknown warranty with parts, consumables always. */
const charged = (job: Job) => (job.ageMonths === null ? job.fault.parts.length > 0 : job.ageMonths > 36 || job.fault.parts.some((p) => consumable(p.partNo)));

function payments(t: DemoTicket, job: Job): void {
  const method = job.customer === 'hengtong' || job.customer === 'jiahe' ? 'bank_transfer' : 'wechat';
  if (job.payment === 'discount') t.then(10 * MIN, bill('clerk', feeLines(job), { kind: 'share', bp: 1_500 }, '老客户优惠')).then(20 * MIN, approveDiscount('super'));
  else t.then(10 * MIN, bill('clerk', feeLines(job)));
  if (job.payment === 'part') t.then(5 * MIN, pay('clerk', method, 0.5));
  if (job.payment === 'full' || job.payment === 'discount') t.then(5 * MIN, pay('clerk', method));
  else t.then(5 * MIN, acknowledge('clerk', t.run.time.dateOf(t.time + 30 * DAY), '月结客户，次月统一转账'));
}

/** One finished ticket: intake to archive, through the depot when the plan sends the device there. */
export function finished(run: DemoRun, job: Job): DemoTicket {
  const { fault } = job;
  const engineer = engineerFor(fault.model);
  const depot = job.mode === 'depot';
  const months = MODELS.find((m) => m.code === fault.model)!.warrantyMonths;
  const purchased = job.ageMonths === null ? null : run.time.dateOf(job.at - Math.round((job.ageMonths > 36 ? months + 6 : job.ageMonths) * 30.4 * DAY));
  const t = new DemoTicket(run, job.at, { customer: job.customer, model: fault.model, serial: job.serial, purchased, fault: fault.fault, type: fault.type, urgency: job.urgency, channel: job.channel, reportedBefore: job.reportedBefore });
  diagnose(t, job.mode === 'remote' ? '远程协助客户排查。' : undefined);
  plan(t, engineer, { mode: job.mode, diagnosis: fault.diagnosis, plan: fault.plan, partsNeeded: fault.parts.map((p) => p.partNo).join('、'), core: job.major });
  if (job.major) t.then(2 * HOUR, move('super', { move: 'approvePlan' })).then(3 * HOUR, consent('clerk', 'onsite', '客户确认更换压缩机方案'));
  if (charged(job)) t.then(20 * MIN, quote('clerk', feeLines(job))).then(HOUR, consentQuote('clerk', 'phone', '客户电话确认报价'));
  dispatch(t, engineer);
  if (depot) t.then(HOUR, checkIn('clerk', { condition: [{ item: '外观划痕', checked: job.at % 2 === 0 }], accessories: [{ name: lineOf(fault.model) === '电子' ? '充电器' : '遥控器', quantity: 1 }] }));
  start(t, engineer, job.mode);
  if (depot) t.then(2 * HOUR, returnMove(engineer, 'startInspection')).then(3 * HOUR, returnMove(engineer, 'startRepair'));
  work(t, engineer, fault.steps, fault.parts);
  if (depot) t.then(30 * MIN, returnMove(engineer, 'finishRepair'));
  acceptance(t, job.mode === 'onsite' ? engineer : 'clerk', job.satisfaction, depot ? DAY : 30 * MIN);
  if (depot) t.then(5 * MIN, handBack('clerk', run.customer(job.customer).contact));
  // A repeat within the repair warranty is covered: the customer agrees to a quote of nothing, and no bill follows.
  if (charged(job) && !job.reportedBefore) payments(t, job);
  return close(t, job.satisfaction);
}

export function addHistory(run: DemoRun): void {
  for (const job of [...jobs(run), ...owed(run), major(run)]) finished(run, job);
}
