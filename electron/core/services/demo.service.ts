/**
 * The demo desk: a service centre six months into its life, dated from the desk clock (see services/demo/).
 * Loaded in one transaction through the real dispatcher, so it follows every rule of the app and a failure or
 * a kill midway leaves nothing behind; a desk that has tickets already is refused.
 */
import type { Locale, SessionUser } from '../../../shared/domain/user';
import type { CoreDeps } from '../context';
import { AppError } from '../errors';
import { audit } from './audit';
import { addArticles } from './demo/articles';
import { addHistory } from './demo/history';
import { addOpenWork } from './demo/open';
import { addFactoryReturns, addLoaners } from './demo/loop';
import { addPeople } from './demo/people';
import { addPlans, addSchedule } from './demo/plans';
import { DemoRun } from './demo/runner';
import { addParts, publishStandard } from './demo/stock';
import { DemoTime } from './demo/time';
import { addToday } from './demo/today';
import { addWorkshop } from './demo/workshop';

/** How long the demo desk has been open: a little over six months of history. */
const DAYS_OPEN = 190;

/** Everything that is planned before the clock runs: people, catalogue, standard, then every story. */
async function plan(run: DemoRun, admin: SessionUser | null): Promise<void> {
  const opened = run.time.day(DAYS_OPEN, '08:30');
  run.setClock(opened);
  await addPeople(run, admin);
  await addParts(run);
  await publishStandard(run);
  await addLoaners(run);
  addArticles(run, opened);
  addHistory(run);
  const open = addOpenWork(run);
  addWorkshop(run);
  addPlans(run);
  addSchedule(run, open.visits);
  addToday(run);
  addFactoryReturns(run);
}

/**
 * Loads the demo desk; `admin` is who asked (null from the command line on a desk nobody set up: the demo then
 * has an admin of its own). `locale` words a refused step.
 */
export async function loadDemo(deps: CoreDeps, admin: SessionUser | null, locale: Locale = 'zh-CN'): Promise<{ tickets: number }> {
  const { timeZone } = await deps.settings.get();
  const time = new DemoTime(deps.now().getTime(), timeZone);
  // One write: the services' own writes join it (Db.write), so the whole desk commits or nothing does.
  const tickets = await deps.db.write(async (tx) => {
    const [existing] = await tx.query<{ n: number }>('SELECT COUNT(*) AS n FROM tickets');
    if ((existing?.n ?? 0) > 0) throw new AppError('CONFLICT', { key: 'demoNotEmpty' });
    const run = new DemoRun(deps, time, locale);
    await plan(run, admin);
    await run.play();
    const [count] = await tx.query<{ n: number }>('SELECT COUNT(*) AS n FROM tickets');
    // The mark that this desk is the demo (the sign-in screen shows the demo accounts only then).
    await audit(tx, new Date(time.now).toISOString(), run.userId('admin'), 'demo', 0, 'create', null, { tickets: count!.n });
    return count!.n;
  });
  for (const kind of ['tickets', 'returns', 'parts', 'fees', 'knowledge', 'maintenance', 'schedule', 'defective']) deps.notify(kind);
  return { tickets };
}
