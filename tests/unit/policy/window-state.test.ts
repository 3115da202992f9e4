import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  isVisibleOn,
  loadWindowState,
  parseWindowState,
  restoreBounds,
  saveWindowState,
  type WindowState,
} from '../../../electron/policy/window-state';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 984 };
const state = (x: number, y: number, width = 1280, height = 800, maximized = false): WindowState => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('restoring window bounds', () => {
  it('restores bounds that are on a display', () => {
    expect(restoreBounds(state(100, 80), [primary])).toEqual({ x: 100, y: 80, width: 1280, height: 800 });
  });

  it('restores bounds on a second monitor that is still connected', () => {
    expect(restoreBounds(state(2000, 50), [primary, right])).toEqual({ x: 2000, y: 50, width: 1280, height: 800 });
  });

  it('falls back to the default size when the monitor it was on is gone', () => {
    expect(restoreBounds(state(2000, 50), [primary])).toEqual(DEFAULT_SIZE);
  });

  it('falls back when only a sliver would be visible', () => {
    expect(restoreBounds(state(1900, 1020), [primary])).toEqual(DEFAULT_SIZE);
    expect(restoreBounds(state(-1270, 100), [primary])).toEqual(DEFAULT_SIZE);
  });

  it('keeps a window that is partly off-screen but grabbable', () => {
    expect(isVisibleOn(state(-600, 100).bounds, [primary])).toBe(true);
  });

  it('shrinks a window larger than its display, never below the minimum size', () => {
    expect(restoreBounds(state(0, 0, 3000, 2000), [{ x: 0, y: 0, width: 1280, height: 984 }])).toEqual({
      x: 0,
      y: 0,
      width: 1280,
      height: 984,
    });
    expect(restoreBounds(state(10, 10, 300, 200), [primary])).toEqual({ x: 10, y: 10, width: 1024, height: 640 });
  });

  it('falls back with no saved state or no displays', () => {
    expect(restoreBounds(null, [primary])).toEqual(DEFAULT_SIZE);
    expect(restoreBounds(state(0, 0), [])).toEqual(DEFAULT_SIZE);
  });
});

describe('window state file', () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    [null],
    ['text'],
    [{}],
    [{ bounds: { x: 1, y: 2, width: 0, height: 10 } }],
    [{ bounds: { x: 1.5, y: 2, width: 800, height: 600 } }],
    [{ bounds: { x: '1', y: 2, width: 800, height: 600 } }],
    [{ bounds: { x: 1e9, y: 2, width: 800, height: 600 } }],
  ])('rejects malformed state %j', (value) => {
    expect(parseWindowState(value)).toBeNull();
  });

  it('saves and loads a state, and survives a missing or broken file', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftercare-window-'));
    const file = path.join(dir, 'sub', 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    saveWindowState(file, state(5, 6, 1300, 900, true));
    expect(loadWindowState(file)).toEqual(state(5, 6, 1300, 900, true));
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
    fs.writeFileSync(file, '{"bounds": {"x": 1,');
    expect(loadWindowState(file)).toBeNull();
  });
});
