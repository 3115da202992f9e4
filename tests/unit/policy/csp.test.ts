import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/policy/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const csp = directives(CONTENT_SECURITY_POLICY);

describe('Content-Security-Policy', () => {
  it('loads scripts only from the app itself: no inline, no eval, no remote', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic|\*|https?:|wss?:/);
  });

  it('allows no plugins, base rewriting, form posts or framing', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('permits inline styles only for styles (Mantine injects them)', () => {
    for (const [name, sources] of csp) {
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
  });

  it('is the same policy as the renderer’s meta tag, minus what a meta tag cannot carry', () => {
    const html = fs.readFileSync(path.resolve(__dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const fromMeta = directives(meta ?? '');
    // frame-ancestors, report-uri and sandbox are ignored in <meta>; the header carries them.
    const headerOnly = new Set(['frame-ancestors', 'report-uri', 'sandbox']);
    expect(fromMeta).toEqual(new Map([...csp].filter(([name]) => !headerOnly.has(name))));
  });
});
