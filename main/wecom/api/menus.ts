// App menus (自定义菜单): create, get, delete — wecom-api.md §4 "menu". The structure rules are checked before
// sending so the admin sees every problem at once instead of one errcode per attempt.
// Secret: the app's own secret (agentid in the query must be that app).
import { z } from 'zod';
import type { WeComClient } from '../client';
import { assertValid, checkBytes, isWeComError, Ok } from './common';

export const MENU_BUTTON_TYPES = [
  'click',
  'view',
  'scancode_push',
  'scancode_waitmsg',
  'pic_sysphoto',
  'pic_photo_or_album',
  'pic_weixin',
  'location_select',
  'view_miniprogram',
] as const;
export type MenuButtonType = (typeof MENU_BUTTON_TYPES)[number];

export interface MenuButton {
  /** Absent on a top-level button that only opens its sub-menu. */
  type?: MenuButtonType;
  name: string;
  key?: string;
  url?: string;
  appid?: string;
  pagepath?: string;
  sub_button?: MenuButton[];
}

export interface Menu {
  button: MenuButton[];
}

export const MENU_LIMITS = { top: 3, sub: 5, topNameBytes: 16, subNameBytes: 40, keyBytes: 128, urlBytes: 1024 } as const;

const NEEDS_KEY: readonly MenuButtonType[] = ['click', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select'];

function leafProblems(p: string[], b: MenuButton, at: string): void {
  if (b.type === undefined) {
    p.push(`${at} 缺少 type`);
    return;
  }
  if (!MENU_BUTTON_TYPES.includes(b.type)) p.push(`${at}.type 不支持：${b.type}`);
  if (NEEDS_KEY.includes(b.type)) checkBytes(p, `${at}.key`, b.key, MENU_LIMITS.keyBytes, true);
  else checkBytes(p, `${at}.key`, b.key, MENU_LIMITS.keyBytes);
  checkBytes(p, `${at}.url`, b.url, MENU_LIMITS.urlBytes, b.type === 'view');
  if (b.type === 'view_miniprogram' && !(b.appid && b.pagepath)) p.push(`${at} 为小程序菜单，需要 appid 和 pagepath`);
}

/** Every broken rule (40016 top count, 40023 sub count, 40022 depth, 40018 name length, key/url lengths). */
export function menuProblems(menu: Menu): string[] {
  const p: string[] = [];
  const top = menu.button ?? [];
  if (top.length < 1 || top.length > MENU_LIMITS.top) p.push(`一级菜单需要 1–${MENU_LIMITS.top} 个，当前 ${top.length} 个`);
  top.forEach((b, i) => {
    const at = `button[${i}]`;
    checkBytes(p, `${at}.name`, b.name, MENU_LIMITS.topNameBytes, true);
    if (b.sub_button === undefined) {
      leafProblems(p, b, at);
      return;
    }
    const subs = b.sub_button;
    if (subs.length < 1 || subs.length > MENU_LIMITS.sub) p.push(`${at} 的二级菜单需要 1–${MENU_LIMITS.sub} 个，当前 ${subs.length} 个`);
    subs.forEach((s, j) => {
      const sat = `${at}.sub_button[${j}]`;
      checkBytes(p, `${sat}.name`, s.name, MENU_LIMITS.subNameBytes, true);
      if (s.sub_button !== undefined && s.sub_button.length > 0) p.push(`${sat} 不能再有下级菜单（最多两级）`);
      leafProblems(p, s, sat);
    });
  });
  return p;
}

/** menu/create?agentid= (replaces the app's menu). */
export async function createMenu(client: WeComClient, agentid: number, menu: Menu, o: { signal?: AbortSignal } = {}): Promise<void> {
  assertValid('菜单', menuProblems(menu));
  // Idempotent: create replaces the whole menu, so sending the same menu again after a lost reply is harmless.
  await client.post('menu/create', menu, Ok, { ...o, idempotent: true }, { agentid });
}

const Leaf = z.object({
  type: z.enum(MENU_BUTTON_TYPES).optional(),
  name: z.string().default(''),
  key: z.string().optional(),
  url: z.string().optional(),
  appid: z.string().optional(),
  pagepath: z.string().optional(),
});
const Top = Leaf.extend({ sub_button: z.array(Leaf).optional() });
const MenuReply = z.object({ button: z.array(Top).default([]) });

function clean(b: z.output<typeof Leaf> & { sub_button?: z.output<typeof Leaf>[] }): MenuButton {
  const out: MenuButton = { name: b.name };
  if (b.type !== undefined) out.type = b.type;
  for (const k of ['key', 'url', 'appid', 'pagepath'] as const) if (b[k] !== undefined && b[k] !== '') out[k] = b[k];
  if (b.sub_button && b.sub_button.length > 0) out.sub_button = b.sub_button.map(clean);
  return out;
}

/** menu/get?agentid= → the menu, or null when the app has none (46003). */
export async function getMenu(client: WeComClient, agentid: number, o: { signal?: AbortSignal } = {}): Promise<Menu | null> {
  try {
    const r = await client.get('menu/get', { agentid }, MenuReply, o);
    return { button: r.button.map(clean) };
  } catch (e) {
    if (isWeComError(e, 46003)) return null;
    throw e;
  }
}

/** menu/delete?agentid=. */
export async function deleteMenu(client: WeComClient, agentid: number, o: { signal?: AbortSignal } = {}): Promise<void> {
  await client.get('menu/delete', { agentid }, Ok, { ...o, idempotent: true });
}
