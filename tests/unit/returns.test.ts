/** The register's rules, table-driven: who may move a returned device from which state, overdue, accessories. */
import { describe, expect, it } from 'vitest';
import {
  RETURN_MOVES,
  RETURN_STATES,
  availableReturnMoves,
  canHandBack,
  checklistFor,
  daysBetween,
  isOverdue,
  missingAccessories,
  returnRefusal,
  DEFAULT_RETURNS_SETTINGS,
  type ReturnMove,
  type ReturnState,
} from '../../shared/domain/returns';
import { SLIP_LABELS } from '../../electron/core/printing/labels';
import { escapeHtml } from '../../electron/core/printing/layout';

/** Every allowed (move, from) pair; every other pair must be refused as wrongState. */
const ALLOWED: [ReturnMove, ReturnState, ReturnState][] = [
  ['startInspection', 'received', 'inspecting'],
  ['requestQuote', 'inspecting', 'waiting_quote'],
  ['startRepair', 'inspecting', 'repairing'],
  ['quoteApproved', 'waiting_quote', 'repairing'],
  ['quoteDeclined', 'waiting_quote', 'unrepairable'],
  ['waitForParts', 'repairing', 'waiting_parts'],
  ['partsArrived', 'waiting_parts', 'repairing'],
  ['finishRepair', 'repairing', 'repaired'],
  ['declareUnrepairable', 'inspecting', 'unrepairable'],
  ['declareUnrepairable', 'repairing', 'unrepairable'],
  ['declareUnrepairable', 'waiting_parts', 'unrepairable'],
  ['scrap', 'unrepairable', 'scrapped'],
];

describe('returned-device states', () => {
  it('allows exactly the moves of the table (as admin, with a reason)', () => {
    for (const move of RETURN_MOVES) {
      for (const state of RETURN_STATES) {
        const allowed = ALLOWED.some(([m, from]) => m === move && from === state);
        expect(returnRefusal(move, state, 'admin', 'why'), `${move} from ${state}`).toBe(allowed ? null : 'wrongState');
      }
    }
  });

  it.each([
    ['startInspection', 'clerk', 'wrongRole'],
    ['finishRepair', 'clerk', 'wrongRole'],
    ['scrap', 'engineer', 'wrongRole'],
    ['quoteApproved', 'clerk', null],
    ['partsArrived', 'clerk', null],
    ['startInspection', 'engineer', null],
  ] as const)('%s by %s → %s', (move, role, expected) => {
    const from = ALLOWED.find(([m]) => m === move)![1];
    expect(returnRefusal(move, from, role, 'why')).toBe(expected);
  });

  it.each(['quoteDeclined', 'declareUnrepairable', 'scrap'] as const)('%s needs a reason', (move) => {
    const from = ALLOWED.find(([m]) => m === move)![1];
    expect(returnRefusal(move, from, 'admin', '  ')).toBe('reasonRequired');
  });

  it('nothing moves a closed record; only finished devices go back', () => {
    expect(availableReturnMoves('returned', 'admin')).toEqual([]);
    expect(availableReturnMoves('scrapped', 'admin')).toEqual([]);
    expect(RETURN_STATES.filter(canHandBack)).toEqual(['repaired', 'unrepairable']);
  });

  it('is overdue only while work goes on past the expected date', () => {
    expect(isOverdue('repairing', '2026-11-23', '2026-11-24')).toBe(true);
    expect(isOverdue('repairing', '2026-11-24', '2026-11-24')).toBe(false);
    expect(isOverdue('repaired', '2026-11-01', '2026-11-24')).toBe(false);
    expect(isOverdue('returned', '2026-11-01', '2026-11-24')).toBe(false);
    expect(isOverdue('received', null, '2026-11-24')).toBe(false);
    expect(daysBetween('2026-11-20', '2026-11-24')).toBe(4);
  });

  it('finds accessories not handed back', () => {
    const out = [{ name: '电源适配器', quantity: 1 }, { name: '遥控器', quantity: 2 }];
    expect(missingAccessories(out, [{ name: '电源适配器', quantity: 1 }, { name: '遥控器', quantity: 2 }])).toEqual([]);
    expect(missingAccessories(out, [{ name: '遥控器', quantity: 1 }])).toEqual([{ name: '电源适配器', quantity: 1 }, { name: '遥控器', quantity: 1 }]);
  });

  it('takes the checklist of the product line, else the default one', () => {
    const s = { ...DEFAULT_RETURNS_SETTINGS, checklists: { ...DEFAULT_RETURNS_SETTINGS.checklists, 空调: ['外机', '内机'] } };
    expect(checklistFor(s, '空调')).toEqual(['外机', '内机']);
    expect(checklistFor(s, '冰箱')).toContain('外观划痕');
  });
});

describe('slip words and escaping', () => {
  it('has the same words in both print languages', () => {
    expect(Object.keys(SLIP_LABELS.en).sort()).toEqual(Object.keys(SLIP_LABELS['zh-CN']).sort());
  });

  it('escapes markup', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });
});
