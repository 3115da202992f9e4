import { describe, expect, it } from 'vitest';
import { coreStoppedText, isLocale, menuLabels, pickLocale, startupErrorText } from '../../../electron/policy/shell-text';

describe('shell language', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['de-DE', 'zh-CN'],
    ['', 'zh-CN'],
  ])('system %s → %s', (system, locale) => expect(pickLocale(system)).toBe(locale));

  it('accepts only the two UI languages from the renderer', () => {
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it('has the menu in both languages', () => {
    expect(menuLabels('zh-CN')).toMatchObject({ file: '文件', help: '帮助', openDataFolder: '打开数据文件夹' });
    expect(menuLabels('en')).toMatchObject({ file: 'File', help: 'Help', openLogsFolder: 'Open Logs Folder' });
    expect(Object.keys(menuLabels('en')).sort()).toEqual(Object.keys(menuLabels('zh-CN')).sort());
  });
});

describe('database open failure text', () => {
  const file = 'C:\\Users\\desk\\AppData\\Roaming\\Aftercare\\aftercare.sqlite';
  const backups = 'C:\\Users\\desk\\AppData\\Roaming\\Aftercare\\backups';

  it.each(['corrupt', 'unreadable'] as const)('%s: names the file and the backups folder to restore from', (reason) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = startupErrorText(locale, { reason, file }, backups);
      expect(text.detail).toContain(file);
      expect(text.detail).toContain(backups);
      expect(text.detail).toContain('-wal');
    }
    expect(startupErrorText('zh-CN', { reason, file }, backups).detail).toContain('下一步');
    expect(startupErrorText('en', { reason, file }, backups).detail).toContain('Next step');
  });

  it('too-new: asks for the newer version, not a restore that would lose recent work', () => {
    const text = startupErrorText('en', { reason: 'too-new', file }, backups);
    expect(text.detail).toContain(file);
    expect(text.detail).toContain('newer version');
    expect(text.detail).not.toContain(backups);
  });
});

describe('core process stopped text', () => {
  it.each([
    ['zh-CN', /后台数据服务意外停止.*重新启动/, '日志文件夹：/data/logs'],
    ['en', /data service stopped unexpectedly.*restart/, 'Log files: /data/logs'],
  ] as const)('%s says the app restarts, saved data is kept, and where the log is', (locale, says, where) => {
    const text = coreStoppedText(locale, '/data/logs');
    expect(text).toMatch(says);
    expect(text).toContain(where);
  });
});
