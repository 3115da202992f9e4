import { describe, expect, it } from 'vitest';
import { ALLOWED_EXTERNAL_HOSTS, isAllowedExternalUrl } from '../../../electron/policy/external-links';

const hosts = ['help.example.com', 'www.example.org'];

describe('external link allow-list', () => {
  it.each([
    ['https://help.example.com/', true],
    ['https://help.example.com/docs/intake?lang=zh#top', true],
    ['https://HELP.Example.com/path', true],
    ['https://www.example.org/', true],
    ['http://help.example.com/', false],
    ['javascript:alert(1)', false],
    ['JavaScript://help.example.com/%0Aalert(1)', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['file:///etc/passwd', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['blob:https://help.example.com/uuid', false],
    ['ftp://help.example.com/', false],
    ['ms-settings:', false],
    ['https://user:pass@help.example.com/', false],
    ['https://help.example.com@evil.test/', false],
    ['https://help.example.com.evil.test/', false],
    ['https://evil-help.example.com/', false],
    ['https://sub.help.example.com/', false],
    ['https://example.com/', false],
    ['https://help.examp1e.com/', false],
    ['https://help.еxample.com/', false], // Cyrillic "е": punycoded, must not match
    ['https://help.example.com:8443/', false],
    ['https://help.example.com./', false],
    ['//help.example.com/', false],
    ['help.example.com', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAllowedExternalUrl(url, hosts)).toBe(expected);
  });

  it('uses the built-in list by default, which only holds plain host names', () => {
    for (const host of ALLOWED_EXTERNAL_HOSTS) expect(host).toMatch(/^[a-z0-9.-]+$/);
    expect(isAllowedExternalUrl('https://evil.test/')).toBe(false);
  });
});
