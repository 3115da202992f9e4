/**
 * Every thing the core names in a message (`duplicate('bill', …)`, `what: 'x'`) has its word in both
 * languages: a missing one reached the user as "what.bill already exists.".
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-CN';

const ROOTS = ['electron', 'shared'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !full.includes(`${path.sep}i18n${path.sep}`) ? [full] : [];
  });
}

/** The `what` names written literally in the core and shared code. */
function namedThings(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/\bduplicate\(\s*'([^']+)'/g, /\bwhat:\s*'([^']+)'/g];
  for (const file of ROOTS.flatMap((root) => sourceFiles(root))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.set(match[1]!, file);
  }
  return found;
}

describe('what.* words', () => {
  const things = namedThings();

  it('finds the names the services use (the scan itself works)', () => {
    expect([...things.keys()]).toEqual(expect.arrayContaining(['username', 'serial', 'bill']));
  });

  it.each([
    ['zh-CN', zhCN.what as Record<string, string>],
    ['en', en.what as Record<string, string>],
  ])('every named thing has a word in %s', (_locale, words) => {
    const missing = [...things].filter(([name]) => typeof words[name] !== 'string').map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });
});
