/**
 * Reads a generated benchmark database back through the app's own services, as the desk would, to prove the
 * generated parts, fees and returned devices are valid for their readers (enums, JSON, dates, links):
 *   npx tsx tests/bench/check-generated.ts --data-dir /tmp/bench [--peak-month 2026-10]
 * Fails (exit 1) on the first service error or on figures that should not be zero. It writes what the app would
 * (a login audit row; the statistics store the month's response and resolution minutes), as `npm run bench` does.
 */
import { openCore, type Core } from '../../electron/core';
import { nativeHandle } from '../../electron/core/db/data-source';
import type { Client } from '../../electron/core/context';
import { arg, BENCH_ADMIN, dataDirArg } from './common';
import { END, HOUR } from './generate-facts';

const dataDir = dataDirArg();
const month = arg('peak-month', '2026-10');
const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

async function call<M extends Parameters<Core['dispatch']>[0]>(core: Core, client: Client, method: M, input: unknown): Promise<unknown> {
  const r = await core.dispatch(method, input, client);
  if (!r.ok) throw new Error(`${method} ${JSON.stringify(input)}: ${JSON.stringify(r.error)}`);
  return r.value;
}

function expect(what: string, ok: boolean, shown: unknown): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${JSON.stringify(shown)}`);
  if (!ok) process.exitCode = 1;
}

async function main(): Promise<void> {
  // The bench's "today": the morning after the generated five years.
  const core = await openCore({ dataDir, now: () => new Date(END + 2 * HOUR), log: console.error, maintenanceEveryMs: null });
  const client: Client = { sessionId: null, locale: 'zh-CN' };
  await call(core, client, 'auth.login', { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password });
  const db = nativeHandle(core.db.ds);
  const one = <T>(sql: string) => db.prepare(sql).get() as T;

  const stats = (await call(core, client, 'reports.statistics', { from: `${month}-01`, to: lastDay })) as { current: { received: number; fees: Record<string, unknown>; returns: Record<string, unknown> } };
  const { fees, returns } = stats.current;
  expect(`statistics ${month}: tickets received`, stats.current.received > 0, stats.current.received);
  expect(`statistics ${month}: fees`, (fees.bills as number) > 0 && (fees.billedFen as number) > 0 && (fees.collectedFen as number) > 0 && (fees.outstandingFen as number) > 0, fees);
  expect(`statistics ${month}: returned devices`, (returns.received as number) > 0 && (returns.returned as number) > 0, returns);

  const receivables = (await call(core, client, 'receivables.list', {})) as { totalFen: number }[];
  expect('receivables.list: customers owing', receivables.length > 0 && receivables[0]!.totalFen > 0, { customers: receivables.length, top: receivables[0] });

  const list = (await call(core, client, 'returns.list', {})) as { total: number; rows: { number: string }[] };
  const open = (await call(core, client, 'returns.list', { openOnly: true })) as { total: number };
  const overdue = (await call(core, client, 'returns.list', { overdueOnly: true })) as { total: number };
  expect('returns.list: all / open / overdue', list.total > 0 && open.total > 0, { total: list.total, open: open.total, overdue: overdue.total, first: list.rows[0]?.number });

  // A ticket with parts, a paid bill and a device handed back.
  const t = one<{ id: number; rid: number } | undefined>(`SELECT r.ticket_id AS id, r.id AS rid FROM returned_devices r JOIN bills b ON b.ticket_id = r.ticket_id
    WHERE r.state = 'returned' AND b.paid_fen > 0 AND EXISTS (SELECT 1 FROM ticket_parts p WHERE p.ticket_id = r.ticket_id) ORDER BY r.id DESC LIMIT 1`);
  expect('a ticket with parts, a paid bill and a returned device exists', t !== undefined, t);
  if (t) {
    const detail = (await call(core, client, 'tickets.get', { id: t.id })) as { number: string; progress: { parts: unknown[]; serviceSteps: string; attachments: { id: number }[] } };
    expect(`tickets.get ${detail.number}: parts and service record`, detail.progress.parts.length > 0 && detail.progress.serviceSteps !== '', { parts: detail.progress.parts, steps: detail.progress.serviceSteps });
    const feesOf = (await call(core, client, 'quotes.get', { ticketId: t.id })) as { bill: { calc: { totalFen: number }; paidFen: number; lines: unknown[] } | null; payments: unknown[] };
    expect('quotes.get: bill and payments', feesOf.bill !== null && feesOf.bill.calc.totalFen > 0 && feesOf.payments.length > 0, { lines: feesOf.bill?.lines, total: feesOf.bill?.calc.totalFen, payments: feesOf.payments });
    const ret = (await call(core, client, 'returns.get', { id: t.rid })) as { number: string; state: string; condition: unknown[]; events: unknown[]; pickup: { signatureId: number } | null };
    expect(`returns.get ${ret.number}: handed back against a signature`, ret.state === 'returned' && ret.pickup !== null && ret.events.length >= 4 && ret.condition.length > 0, { state: ret.state, events: ret.events.length, pickup: ret.pickup });
    if (ret.pickup) {
      const sig = (await call(core, client, 'attachments.get', { id: ret.pickup.signatureId })) as { mime: string; dataBase64: string };
      expect('attachments.get: the pickup signature', sig.mime === 'image/png' && sig.dataBase64.length > 0, { mime: sig.mime, bytes: Buffer.from(sig.dataBase64, 'base64').length });
    }
    const moves = (await call(core, client, 'stock.movements', { ticketId: t.id })) as { kind: string }[];
    expect('stock.movements of the ticket: parts issued', moves.some((m) => m.kind === 'issue'), moves.map((m) => m.kind));
  }
  const byNumber = list.rows[0] ? ((await call(core, client, 'returns.get', { number: list.rows[0].number })) as { state: string }) : null;
  expect('returns.get by slip number', byNumber !== null, byNumber?.state);

  const parts = (await call(core, client, 'parts.list', { limit: 500 })) as { onHand: number }[];
  const low = (await call(core, client, 'stock.low', {})) as unknown[];
  expect('parts.list / stock.low', parts.length > 0 && parts.every((p) => p.onHand >= 0), { parts: parts.length, low: low.length });
  const standard = (await call(core, client, 'fees.standard.get', {})) as { current: { effectiveFrom: string } | null; versions: unknown[] };
  expect('fees.standard.get', standard.current !== null, { current: standard.current?.effectiveFrom, versions: standard.versions.length });
  await core.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
