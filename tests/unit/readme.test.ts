import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';

describe('the README documents the HTTP API', () => {
  it('lists every method of the contract', () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const missing = Object.keys(contract).filter((m) => !readme.includes(`| \`${m}\` |`));
    expect(missing).toEqual([]);
  });
});
