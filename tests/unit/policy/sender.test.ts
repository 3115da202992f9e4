import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/policy/sender';

const packaged = { indexFileUrl: 'file:///C:/Program%20Files/Aftercare/resources/app.asar/out/renderer/index.html' };
const linux = { indexFileUrl: 'file:///opt/Aftercare/resources/app.asar/out/renderer/index.html' };
const dev = { indexFileUrl: 'file:///home/dev/aftercare/out/renderer/index.html', devServerUrl: 'http://localhost:5173/' };

describe('sender frame check', () => {
  it.each([
    [packaged, 'file:///C:/Program%20Files/Aftercare/resources/app.asar/out/renderer/index.html', true],
    [packaged, 'file:///C:/Program%20Files/Aftercare/resources/app.asar/out/renderer/index.html#/tickets/12', true],
    [packaged, 'file:///C:/Program Files/Aftercare/resources/app.asar/out/renderer/index.html', true],
    [packaged, 'file:///C:/Program%20Files/Aftercare/resources/app.asar/out/renderer/other.html', false],
    [packaged, 'file:///C:/Users/clerk/Downloads/index.html', false],
    [packaged, 'file://evil-server/share/out/renderer/index.html', false],
    [linux, 'file:///opt/Aftercare/resources/app.asar/out/renderer/index.html?x=1#/', true],
    [linux, 'file:///opt/Aftercare/resources/app.asar/out/renderer/../renderer/index.html', true],
    [linux, 'file:///tmp/index.html', false],
    [linux, 'http://localhost:5173/', false],
    [linux, 'about:blank', false],
    [linux, 'data:text/html,hi', false],
    [linux, '', false],
    [dev, 'http://localhost:5173/', true],
    [dev, 'http://localhost:5173/#/tickets', true],
    [dev, 'http://localhost:5174/', false],
    [dev, 'http://127.0.0.1:5173/', false],
    [dev, 'https://localhost:5173/', false],
    [dev, 'http://localhost.evil.test:5173/', false],
    [dev, 'https://example.com/', false],
    [dev, 'file:///home/dev/aftercare/out/renderer/index.html', true],
    [dev, 'about:blank', false],
    [{ ...linux, devServerUrl: 'file:///tmp/' }, 'file:///tmp/x.html', false],
    [{ ...linux, devServerUrl: 'not a url' }, 'http://localhost/', false],
  ])('%o accepts %s: %s', (app, url, expected) => {
    expect(isAppUrl(url, app)).toBe(expected);
  });
});
