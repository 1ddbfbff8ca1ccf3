// The app menu template and the saved-bounds sanitiser (both pure).
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { appMenuTemplate, HELP_LINKS } from '../../../main/electron/menu';
import { isAllowedExternal } from '../../../main/electron/window';
import { DEFAULT_STATE, fitToDisplays, MIN_SIZE } from '../../../main/electron/window-state';

describe('app menu', () => {
  it('has the zh-CN top-level menus, with the macOS app menu first on macOS', () => {
    const labels = (isMac: boolean) =>
      appMenuTemplate({ isMac, devTools: false, openExternal: vi.fn() }).map((m) => m.label ?? m.role);
    expect(labels(false)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(labels(true)).toEqual(['appMenu', '文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('offers dev tools only when asked', () => {
    const roles = (devTools: boolean) => {
      const view = appMenuTemplate({ isMac: false, devTools, openExternal: vi.fn() }).find((m) => m.label === '视图');
      return (view!.submenu as { role?: string }[]).map((i) => i.role);
    };
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('help links open allow-listed sites through the given opener', () => {
    const openExternal = vi.fn();
    const help = appMenuTemplate({ isMac: false, devTools: false, openExternal }).find((m) => m.label === '帮助')!;
    for (const item of help.submenu as { click: () => void }[]) item.click();
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual([HELP_LINKS.console, HELP_LINKS.docs]);
    for (const url of Object.values(HELP_LINKS)) expect(isAllowedExternal(url)).toBe(true);
  });
});

describe('fitToDisplays', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('falls back to the default for missing or malformed state', () => {
    for (const bad of [undefined, null, 'x', {}, { width: '1', height: 2 }, { width: NaN, height: 800 }]) {
      expect(fitToDisplays(bad, screen)).toEqual(DEFAULT_STATE);
    }
  });

  it('keeps a visible position and clamps sizes', () => {
    expect(fitToDisplays({ x: 50, y: 60, width: 1300, height: 850, maximized: true }, screen)).toEqual({
      x: 50, y: 60, width: 1300, height: 850, maximized: true,
    });
    expect(fitToDisplays({ width: 100, height: 100 }, screen)).toMatchObject(MIN_SIZE);
    expect(fitToDisplays({ width: 9000, height: 9000 }, screen)).toMatchObject({ width: 1920, height: 1040 });
  });

  it('drops a position that is off every display (monitor unplugged)', () => {
    const s = fitToDisplays({ x: 2500, y: 100, width: 1200, height: 800 }, screen);
    expect(s.x).toBeUndefined();
    expect(s.y).toBeUndefined();
    const two = [...screen, { x: 1920, y: 0, width: 1920, height: 1040 }];
    expect(fitToDisplays({ x: 2500, y: 100, width: 1200, height: 800 }, two)).toMatchObject({ x: 2500, y: 100 });
  });
});
