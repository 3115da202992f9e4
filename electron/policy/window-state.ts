/**
 * The main window's remembered size and position: read back only when it still lands on a
 * screen the desk PC has now (a projector or second monitor that was unplugged must not hide the app).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 1024, height: 640 } as const;
/** The part of the window that must be on a screen to count as visible: enough title bar to grab it. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

/** Accepts only a well-formed state: the file may be hand-edited, truncated or from an old version. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height) || width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

export function isVisibleOn(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some((area) => {
    const o = overlap(bounds, area);
    return o.width >= Math.min(MIN_VISIBLE.width, bounds.width) && o.height >= Math.min(MIN_VISIBLE.height, bounds.height);
  });
}

/**
 * Bounds to open the window with: the saved ones when they are visible on one of today's work
 * areas (shrunk to fit it), otherwise only a default size, which the window manager centres.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[]): Rect | { width: number; height: number } {
  if (!saved || !isVisibleOn(saved.bounds, workAreas)) return { ...DEFAULT_SIZE };
  const area = workAreas.find((a) => {
    const o = overlap(saved.bounds, a);
    return o.width > 0 && o.height > 0;
  });
  const { x, y } = saved.bounds;
  const width = Math.max(MIN_SIZE.width, Math.min(saved.bounds.width, area?.width ?? saved.bounds.width));
  const height = Math.max(MIN_SIZE.height, Math.min(saved.bounds.height, area?.height ?? saved.bounds.height));
  return { x, y, width, height };
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    // Missing or unreadable state only costs the remembered position.
    return null;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the previous state intact. */
export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}
