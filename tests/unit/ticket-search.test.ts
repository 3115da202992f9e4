/** How the ticket search box reads what a clerk types (shared/domain/ticket-search.ts). */
import { describe, expect, it } from 'vitest';
import { isOverdue, parseTicketSearch } from '../../shared/domain/ticket-search';

describe('parseTicketSearch', () => {
  it.each([
    // text, phone, phonePrefix, phoneLast4, serialPrefix, modelPrefix, words
    ['5678', null, '5678', '5678', '5678', null, false],
    ['139', null, '139', null, null, null, false],
    ['13', null, null, null, null, null, false],
    ['139 1234 5678', '13912345678', '13912345678', null, null, null, false],
    ['+86 139-1234-5678', '13912345678', '13912345678', null, null, null, false],
    ['202403', '202403', '202403', null, '202403', null, false],
    ['KFR-35', null, null, null, 'KFR-35', 'KFR-35', true],
    ['kfr-35gw', null, null, null, 'KFR-35GW', 'KFR-35GW', true],
    ['P5', null, null, null, null, 'P5', true],
    ['TS202611240001', null, null, null, 'TS202611240001', 'TS202611240001', true],
    ['  202403a  ', null, null, null, '202403A', '202403A', true],
    ['漏水', null, null, null, null, null, true],
    ['王建国', null, null, null, null, null, true],
    ['100%_x', null, null, null, null, null, true],
    ["5678' OR 1=1", null, null, null, null, null, true],
    ['', null, null, null, null, null, true],
  ])('%j', (text, phone, phonePrefix, phoneLast4, serialPrefix, modelPrefix, words) => {
    expect(parseTicketSearch(text)).toEqual({ exact: text.trim().toUpperCase(), phone, phonePrefix, phoneLast4, serialPrefix, modelPrefix, words });
  });
});

describe('isOverdue', () => {
  const now = Date.parse('2026-11-24T10:00:00.000Z');
  it.each([
    ['in_service', '2026-11-24T09:59:00.000Z', true],
    ['registered', '2026-11-24T09:00:00.000Z', true],
    ['in_service', '2026-11-24T10:00:00.000Z', false],
    ['in_service', '2026-11-24T11:00:00.000Z', false],
    ['accepted', '2026-11-20T09:00:00.000Z', false],
    ['closed', '2026-11-20T09:00:00.000Z', false],
    ['cancelled', '2026-11-20T09:00:00.000Z', false],
  ])('%s due %s: %s', (status, resolveDueAt, late) => {
    expect(isOverdue({ status, resolveDueAt }, now)).toBe(late);
  });
});
