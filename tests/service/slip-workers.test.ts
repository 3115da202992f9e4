/**
 * Slips are rendered by worker threads (electron/core/printing/slip-pool.ts): several at once give the
 * same bytes as one at a time, other calls answer while slips render, and a page embeds only the glyphs it uses.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';

let h: Harness;
let c: Record<Role, Client>;
const ids: number[] = [];

beforeAll(async () => {
  h = await openHarness();
  c = await h.signedIn();
  for (const [i, fault] of ['制冷效果差，出风温度高于设定温度5℃', '屏幕偶尔失灵，触摸无反应', 'Makes a rattling noise at start-up'].entries()) {
    ids.push((await h.ok(c.clerk, 'tickets.create', intake({ faultDescription: fault, contactName: `客户${i}` }))).id);
  }
});
afterAll(() => h.close());

const render = (id: number, paper: '80mm' | 'A4' = '80mm') => h.ok(c.clerk, 'slips.render', { document: 'ticketAcceptance', id, paper });

it('renders several slips at once into the same bytes as one at a time', async () => {
  const jobs = [...ids.map((id) => [id, '80mm'] as const), ...ids.map((id) => [id, 'A4'] as const)];
  const oneByOne: string[] = [];
  for (const [id, paper] of jobs) oneByOne.push((await render(id, paper)).html);
  const atOnce = await Promise.all([...jobs, ...jobs].map(([id, paper]) => render(id, paper)));
  expect(atOnce.map((s) => s.html)).toEqual([...oneByOne, ...oneByOne]);
  expect(new Set(oneByOne).size).toBe(jobs.length);
});

it('answers a list call while slips are rendering', async () => {
  const order: string[] = [];
  const slips = ids.map((id) => render(id, 'A4').then(() => order.push('slip')));
  await h.ok(c.clerk, 'tickets.list', { pageSize: 20 }).then(() => order.push('list'));
  await Promise.all(slips);
  expect(order[0]).toBe('list');
});

it('embeds only the glyphs a slip shows, not the whole 2.9 MB font', async () => {
  const { html } = await render(ids[0]!);
  const font = /url\(data:font\/otf;base64,([A-Za-z0-9+/=]+)\)/.exec(html);
  expect(font).not.toBeNull();
  expect(Buffer.from(font![1]!, 'base64').length).toBeLessThan(200_000);
  expect(html.length).toBeLessThan(300_000);
});
