/** When the desktop app asks 本机 / 连接到主机 (first start only), and the host's address as users type it. */
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE as CORE_DATABASE_FILE } from '../../../electron/core/backup/restore';
import { DATABASE_FILE, deskStart, type DeskStart } from '../../../electron/policy/desk-start';
import { hostUrl } from '../../../shared/domain/desk-choice';

describe('deskStart', () => {
  const cases: [kept: 'local' | 'host' | null, hasDatabase: boolean, expected: DeskStart][] = [
    [null, false, 'ask'],
    [null, true, 'adoptLocal'],
    ['local', false, 'local'],
    ['local', true, 'local'],
    ['host', false, 'host'],
    ['host', true, 'host'],
  ];
  it.each(cases)('kept %s, database %s: %s', (kept, hasDatabase, expected) => {
    expect(deskStart(kept, hasDatabase)).toBe(expected);
  });

  it('looks for the file the core opens', () => {
    expect(DATABASE_FILE).toBe(CORE_DATABASE_FILE);
  });
});

describe('hostUrl', () => {
  const cases: [typed: string, expected: string | null][] = [
    ['192.168.1.20:5179', 'https://192.168.1.20:5179'],
    ['192.168.1.20', 'https://192.168.1.20:5179'],
    ['  https://192.168.1.20:5179/ ', 'https://192.168.1.20:5179'],
    ['HTTPS://Front-Desk.local:8443', 'https://front-desk.local:8443'],
    ['１９２.１６８.１.２０:５１７９', 'https://192.168.1.20:5179'],
    ['[fe80::1]:5179', 'https://[fe80::1]:5179'],
    ['host:443', 'https://host:443'],
    ['', null],
    ['http://192.168.1.20:5179', null],
    ['ftp://host', null],
    ['192.168.1.20:0', null],
    ['192.168.1.20:70000', null],
    ['192.168.1.20:51 79', null],
    ['192.168.1.20/tickets', null],
    ['user@host', null],
    ['-host', null],
    ['host..local', null],
    ['主机', null],
  ];
  it.each(cases)('%j → %s', (typed, expected) => {
    expect(hostUrl(typed)).toBe(expected);
  });
});
