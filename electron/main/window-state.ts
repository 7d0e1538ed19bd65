// The window's size and position, remembered in settings and restored onto a display that is
// still there: a window saved on a monitor since unplugged comes back on the primary one, and one
// larger than its display shrinks to fit. Pure; main passes screen.getAllDisplays().
import type { Rectangle } from 'electron';

export interface SavedWindow extends Rectangle {
  readonly maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
// A saved window must show at least this much (px) of itself on a display to stay there.
const MIN_VISIBLE = { width: 120, height: 80 } as const;

const overlap = (a: Rectangle, b: Rectangle): { width: number; height: number } => ({
  width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
  height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
});

const clamp = (value: number, min: number, max: number): number =>
  Math.min(Math.max(value, min), Math.max(min, max));

function centred(area: Rectangle, width: number, height: number): Rectangle {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    x: area.x + Math.round((area.width - w) / 2),
    y: area.y + Math.round((area.height - h) / 2),
    width: w,
    height: h,
  };
}

// workAreas: each display's work area (without menu bar and task bar); the first is the primary.
export function restoreWindowBounds(
  saved: SavedWindow | undefined,
  workAreas: readonly Rectangle[],
): SavedWindow {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const valid =
    saved !== undefined &&
    [saved.x, saved.y, saved.width, saved.height].every(Number.isFinite) &&
    saved.width > 0 &&
    saved.height > 0;
  if (!valid) return { ...centred(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height), maximized: false };
  const host = workAreas.find((area) => {
    const seen = overlap(saved, area);
    return seen.width >= MIN_VISIBLE.width && seen.height >= MIN_VISIBLE.height;
  });
  if (!host) return { ...centred(primary, saved.width, saved.height), maximized: saved.maximized };
  const width = Math.min(saved.width, host.width);
  const height = Math.min(saved.height, host.height);
  return {
    x: clamp(saved.x, host.x, host.x + host.width - width),
    y: clamp(saved.y, host.y, host.y + host.height - height),
    width,
    height,
    maximized: saved.maximized,
  };
}
