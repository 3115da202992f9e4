/** Search by a word of the fault description: Chinese words of any length, the index kept on intake and edit, FTS syntax only text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import { faultQuery, faultTerms } from '../../electron/core/search/fault-words';

let h: Harness;
let clerk: Client;
const ids: Record<string, number> = {};

const DESCRIPTIONS = {
  leak: '室内机漏水，滴到地板上',
  cooling: '空调制冷效果差，出风不凉',
  noise: '外机有异响，夜里噪音很大',
  screen: '显示屏闪烁，偶尔黑屏',
};

const found = async (q: string) => (await h.ok(clerk, 'tickets.list', { q })).rows.map((r) => r.id).sort();

beforeAll(async () => {
  h = await openHarness();
  clerk = (await h.signedIn()).clerk;
  for (const [i, [key, text]] of Object.entries(DESCRIPTIONS).entries()) {
    ids[key] = (await h.ok(clerk, 'tickets.create', intake({ faultDescription: text, newCustomer: { name: `客户${i}`, phone: `1390000000${i}` } }))).id;
  }
});
afterAll(() => h.close());

describe('fault terms', () => {
  it.each([
    ['室内机漏水，', ['室内', '内机', '机漏', '漏水']],
    ['有异响', ['有异', '异响']],
    ['E5故障 Code', ['e5', '故障', 'code']],
    ['水', ['水']],
    ['，。！  ', []],
    ['', []],
  ])('cuts %s into %j', (text, terms) => {
    expect(faultTerms(text)).toEqual(terms);
  });

  it.each([
    ['制冷效果差', '"制冷 冷效 效果 果差"'],
    ['"漏水" OR *', '"漏水 or"'],
    ['a"b', '"a b"'],
    ['，。！', null],
  ])('makes one phrase of %s: %s', (q, query) => {
    expect(faultQuery(q)).toBe(query);
  });
});

describe('searching tickets by a word of the fault', () => {
  it.each([
    ['漏水', ['leak']],
    ['异响', ['noise']],
    ['噪音', ['noise']],
    ['制冷效果差', ['cooling']],
    ['闪烁', ['screen']],
    ['冰箱', []],
  ])('%s finds %j', async (q, keys) => {
    expect(await found(q)).toEqual(keys.map((k) => ids[k]).sort());
  });

  it.each(['"', '漏水" OR "异响', 'NEAR(漏水 异响)', '漏水*', "'; DROP TABLE tickets; --", '^漏水', '{words}: 漏水'])('treats %s as text, not FTS syntax', async (q) => {
    const result = await h.call(clerk, 'tickets.list', { q });
    expect(result.ok).toBe(true);
    expect((await h.core.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM tickets'))[0]?.n).toBe(4);
  });

  it('follows an edited description', async () => {
    const ticket = await h.ok(clerk, 'tickets.get', { id: ids.leak! });
    await h.ok(clerk, 'tickets.update', {
      id: ticket.id, version: ticket.version, channel: ticket.channel, reportedAt: ticket.reportedAt, contactName: ticket.contactName, contactPhone: ticket.contactPhone,
      urgency: ticket.urgency, problemType: ticket.problemType, faultDescription: '遥控器失灵，按键没反应', modelId: null, serial: '',
    } as never);
    expect(await found('漏水')).toEqual([]);
    expect(await found('遥控器')).toEqual([ids.leak]);
  });
});
