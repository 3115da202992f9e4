/**
 * Today's work, in the last hours before now and never before today began: a hotel's question answered remotely
 * from call to archive (received, closed, rated and followed up today), and a complaint just in about a fridge
 * repaired twice (a repeat fault). So the month's figures are never empty, even at 00:05 on the 1st.
 */
import { acceptance, close, diagnose, dispatch, plan, start, work } from './flows';
import type { DemoRun } from './runner';
import { DemoTicket } from './ticket';

export function addToday(run: DemoRun): void {
  const { time } = run;
  // Shares of today's span: each step a little later than the one before, the complaint last of all.
  const at = (share: number) => time.recent(share);
  const printer = new DemoTicket(run, at(1), {
    customer: 'jiahe', model: 'T20', serial: 'T20-2503-0631', purchased: time.date(-120), fault: '前台平板无法连接打印机，打印任务一直排队', type: 'usage', urgency: 'important',
  });
  const gap = at(0.9) - at(1);
  plan(diagnose(printer, '远程协助客户排查。', gap), 'li', { mode: 'remote', diagnosis: '打印服务设置错误', plan: '远程指导重新添加打印机' }, gap);
  work(start(dispatch(printer, 'li', gap, gap), 'li', 'remote', gap), 'li', '远程指导清除打印队列并重新添加打印机，打印正常。', [], gap);
  close(acceptance(printer, 'clerk', 'very_satisfied', gap), 'very_satisfied', gap, gap);
  // The same fridge as the reopened ticket: the customer complains about the repair.
  new DemoTicket(run, at(0.05), {
    customer: 'wu', model: 'BCD-450', serial: 'BCD450-2402-0388', purchased: time.date(-600), fault: '冰箱维修后冷藏室仍不制冷，对维修质量不满意，要求尽快解决', type: 'complaint', urgency: 'important',
    channel: 'online', reportedBefore: true,
  });
}
