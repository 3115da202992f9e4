import { describe, expect, it } from 'vitest';
import { applyCalendarImport, parseCalendarImport, type ImportProblem } from '../../shared/domain/calendar-import';

describe('importing a year of holidays and make-up days', () => {
  it.each<[string, string, string[], string[]]>([
    ['one holiday', '2026-05-01 休', ['2026-05-01'], []],
    ['a range', '2026-10-01~2026-10-03 休', ['2026-10-01', '2026-10-02', '2026-10-03'], []],
    ['a range with 至', '2026-10-01 至 2026-10-02 放假', ['2026-10-01', '2026-10-02'], []],
    ['a make-up day, CSV', '2026-10-10,班', [], ['2026-10-10']],
    ['English words', '2026-01-01 holiday\n2026-02-14 workday', ['2026-01-01'], ['2026-02-14']],
    ['a CSV header and a BOM are skipped', '\uFEFF日期,类型\n2026-05-01,休', ['2026-05-01'], []],
    ['comments and blank lines', '# 2026 国庆\n\n2026-10-01 休 \n', ['2026-10-01'], []],
    ['quoted CSV cells', '"2026-05-01","休"', ['2026-05-01'], []],
    ['a range across the month end', '2026-04-30~2026-05-02 休', ['2026-04-30', '2026-05-01', '2026-05-02'], []],
    ['the same day twice is one entry', '2026-05-01 休\n2026-05-01 休', ['2026-05-01'], []],
    ['dates come out sorted', '2026-10-02 休\n2026-10-01 休', ['2026-10-01', '2026-10-02'], []],
  ])('%s', (_name, text, holidays, makeupDays) => {
    const r = parseCalendarImport(text);
    expect(r.problems).toEqual([]);
    expect(r.holidays).toEqual(holidays);
    expect(r.makeupDays).toEqual(makeupDays);
  });

  it.each<[string, string, ImportProblem]>([
    ['no kind', '2026-05-01', 'format'],
    ['not a date', 'May 1st 休', 'format'],
    ['an impossible date', '2026-02-30 休', 'date'],
    ['an unknown kind', '2026-05-01 maybe', 'kind'],
    ['a range that runs backwards', '2026-10-07~2026-10-01 休', 'range'],
    ['a range longer than a month', '2026-01-01~2026-03-01 休', 'range'],
    ['SQL-looking text', "2026-05-01'; DROP TABLE settings;-- 休", 'format'],
    ['a day both holiday and make-up', '2026-10-10 休\n2026-10-10 班', 'conflict'],
  ])('refuses %s with the line number', (_name, text, problem) => {
    const r = parseCalendarImport(text);
    expect(r.problems.at(-1)).toMatchObject({ line: text.split('\n').length, problem });
  });

  it('keeps the good lines of a file with a bad one', () => {
    const r = parseCalendarImport('2026-05-01 休\nrubbish\n2026-05-09 班');
    expect(r.holidays).toEqual(['2026-05-01']);
    expect(r.makeupDays).toEqual(['2026-05-09']);
    expect(r.problems).toEqual([{ line: 2, text: 'rubbish', problem: 'format' }]);
  });

  it('replaces the imported years and keeps the others', () => {
    const current = { holidays: ['2025-10-01', '2026-01-01', '2026-10-01'], makeupDays: ['2025-09-28', '2026-09-27'] };
    const imported = parseCalendarImport('2026-10-01~2026-10-02 休\n2026-10-10 班');
    expect(imported.years).toEqual([2026]);
    expect(applyCalendarImport(current, imported)).toEqual({
      holidays: ['2025-10-01', '2026-10-01', '2026-10-02'],
      makeupDays: ['2025-09-28', '2026-10-10'],
    });
  });

  it('an empty file changes nothing', () => {
    const current = { holidays: ['2026-01-01'], makeupDays: [] };
    expect(applyCalendarImport(current, parseCalendarImport(''))).toEqual(current);
  });
});
