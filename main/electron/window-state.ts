// Window size/position remembered between launches. This is shell-only state, so it lives in
// electron-store (userData/window-state.json), not in the core's SQLite database.
import type { Rectangle } from 'electron';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const MIN_SIZE = { width: 1024, height: 680 } as const;
export const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };

export interface WindowStateStore {
  load(): unknown;
  save(state: WindowState): void;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Turns whatever was stored into usable bounds: unknown shapes fall back to the default, sizes are
 * kept between the minimum and the largest work area, and a position that would put the title bar
 * off every display (a monitor was unplugged) is dropped so the OS centres the window.
 */
export function fitToDisplays(saved: unknown, workAreas: Rectangle[]): WindowState {
  if (!saved || typeof saved !== 'object') return { ...DEFAULT_STATE };
  const s = saved as Record<string, unknown>;
  if (!isNum(s.width) || !isNum(s.height)) return { ...DEFAULT_STATE };
  const maxW = Math.max(MIN_SIZE.width, ...workAreas.map((a) => a.width));
  const maxH = Math.max(MIN_SIZE.height, ...workAreas.map((a) => a.height));
  const state: WindowState = {
    width: Math.round(Math.min(Math.max(s.width, MIN_SIZE.width), maxW)),
    height: Math.round(Math.min(Math.max(s.height, MIN_SIZE.height), maxH)),
    maximized: s.maximized === true,
  };
  if (isNum(s.x) && isNum(s.y)) {
    const x = Math.round(s.x);
    const y = Math.round(s.y);
    // The title bar (top 40px, at least 100px of its width) must land on some display.
    const visible = workAreas.some(
      (a) =>
        y >= a.y &&
        y + 40 <= a.y + a.height &&
        Math.min(x + state.width, a.x + a.width) - Math.max(x, a.x) >= 100,
    );
    if (visible) {
      state.x = x;
      state.y = y;
    }
  }
  return state;
}

/** electron-store is ESM-only and needs Electron at load, so it is imported lazily, here only. */
export async function openWindowStateStore(): Promise<WindowStateStore> {
  const { default: Store } = await import('electron-store');
  const store = new Store<{ window?: WindowState }>({ name: 'window-state', clearInvalidConfig: true });
  return {
    load: () => store.get('window'),
    save: (state) => store.set('window', state),
  };
}
