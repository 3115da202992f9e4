/**
 * Words the shell itself shows (menu, startup error) in zh-CN and en. They live here, not in the
 * renderer's i18n, because they are needed before any page has loaded and when none can load.
 */
import type { Locale } from '../../shared/domain/user';

/** zh-CN is the desk's default; English only when the system asks for it. */
export function pickLocale(systemLocale: string): Locale {
  return /^en\b/i.test(systemLocale) ? 'en' : 'zh-CN';
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

export interface MenuLabels {
  file: string;
  backups: string;
  auditTrail: string;
  quit: string;
  edit: string;
  help: string;
  about: string;
  openDataFolder: string;
  openLogsFolder: string;
  appName: string;
}

const MENU: Record<Locale, MenuLabels> = {
  'zh-CN': {
    file: '文件',
    backups: '备份与恢复…',
    auditTrail: '操作记录…',
    quit: '退出',
    edit: '编辑',
    help: '帮助',
    about: '关于售后服务中心',
    openDataFolder: '打开数据文件夹',
    openLogsFolder: '打开日志文件夹',
    appName: '售后服务中心',
  },
  en: {
    file: 'File',
    backups: 'Backup and Restore…',
    auditTrail: 'Audit Trail…',
    quit: 'Quit',
    edit: 'Edit',
    help: 'Help',
    about: 'About Aftercare',
    openDataFolder: 'Open Data Folder',
    openLogsFolder: 'Open Logs Folder',
    appName: 'Aftercare',
  },
};

export function menuLabels(locale: Locale): MenuLabels {
  return MENU[locale];
}

export type OpenFailureReason = 'corrupt' | 'too-new' | 'unreadable';

export interface StartupErrorText {
  title: string;
  message: string;
  detail: string;
  buttons: { openBackups: string; quit: string };
}

const REASON: Record<Locale, Record<OpenFailureReason, string>> = {
  'zh-CN': {
    corrupt: '数据库文件已损坏，无法打开。',
    'too-new': '数据库由更新版本的售后服务中心写入，当前版本无法打开。',
    unreadable: '无法读取数据库文件（可能被占用、无权限或磁盘故障）。',
  },
  en: {
    corrupt: 'The database file is damaged and cannot be opened.',
    'too-new': 'The database was written by a newer version of Aftercare; this version cannot open it.',
    unreadable: 'The database file cannot be read (in use, no permission, or a disk problem).',
  },
};

/** What the error dialog says when the database cannot be opened: what happened, where, and what to do next. */
export function startupErrorText(locale: Locale, failure: { reason: OpenFailureReason; file: string }, backupsDir: string): StartupErrorText {
  if (locale === 'en') {
    return {
      title: 'Aftercare cannot start',
      message: REASON.en[failure.reason],
      detail:
        `Database: ${failure.file}\n\n` +
        (failure.reason === 'too-new'
          ? 'Next step: install the newer version of Aftercare that was used on this PC.'
          : `Next step: quit Aftercare, move the damaged file and its -wal and -shm files aside (do not delete them), and copy the newest backup from\n${backupsDir}\nto the path above. Ask your administrator if unsure.`),
      buttons: { openBackups: 'Open Backups Folder', quit: 'Quit' },
    };
  }
  return {
    title: '售后服务中心无法启动',
    message: REASON['zh-CN'][failure.reason],
    detail:
      `数据库：${failure.file}\n\n` +
      (failure.reason === 'too-new'
        ? '下一步：请安装本机曾使用过的更新版本的售后服务中心。'
        : `下一步：退出程序，把损坏的文件及同名的 -wal、-shm 文件移到别处（不要删除），然后从\n${backupsDir}\n把最新的备份复制到上面的路径。如不确定，请联系管理员。`),
    buttons: { openBackups: '打开备份文件夹', quit: '退出' },
  };
}

/** What the dialog says when the core's process ended on its own: the app restarts; what was saved is kept. */
export function coreStoppedText(locale: Locale, logs: string): string {
  return locale === 'en'
    ? `The data service stopped unexpectedly. Aftercare will restart; everything saved before is kept. A step in progress may need to be done again.\n\nLog files: ${logs}`
    : `后台数据服务意外停止，售后服务中心将重新启动；此前已保存的数据不受影响，正在进行的一步可能需要重做。\n\n日志文件夹：${logs}`;
}
