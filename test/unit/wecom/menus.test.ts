import { describe, expect, it } from 'vitest';
import { menuProblems, type Menu } from '../../../main/wecom/api/menus';

const good: Menu = {
  button: [
    { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC' },
    {
      name: '菜单',
      sub_button: [
        { type: 'view', name: '搜索', url: 'https://www.example.com/' },
        { type: 'click', name: '赞一下我们', key: 'V1001_GOOD' },
        { type: 'view_miniprogram', name: '小程序', appid: 'wx123', pagepath: 'pages/index' },
      ],
    },
    { type: 'scancode_push', name: '扫码', key: 'scan' },
  ],
};

describe('menu rules (checked before menu/create)', () => {
  it('accepts a well-formed two-level menu', () => {
    expect(menuProblems(good)).toEqual([]);
  });

  it('1–3 top-level buttons (40016)', () => {
    expect(menuProblems({ button: [] })).toEqual(['一级菜单需要 1–3 个，当前 0 个']);
    const four = { button: [...good.button, { type: 'click' as const, name: 'x', key: 'k' }] };
    expect(menuProblems(four)).toEqual(['一级菜单需要 1–3 个，当前 4 个']);
  });

  it('1–5 sub-buttons (40023) and only two levels (40022)', () => {
    const six = { button: [{ name: 'm', sub_button: Array.from({ length: 6 }, (_, i) => ({ type: 'click' as const, name: `s${i}`, key: `k${i}` })) }] };
    expect(menuProblems(six)).toEqual(['button[0] 的二级菜单需要 1–5 个，当前 6 个']);
    expect(menuProblems({ button: [{ name: 'm', sub_button: [] }] })).toEqual(['button[0] 的二级菜单需要 1–5 个，当前 0 个']);
    const deep = { button: [{ name: 'm', sub_button: [{ type: 'click' as const, name: 's', key: 'k', sub_button: [{ type: 'click' as const, name: 'x', key: 'y' }] }] }] };
    expect(menuProblems(deep)).toEqual(['button[0].sub_button[0] 不能再有下级菜单（最多两级）']);
  });

  it('names: top ≤ 16 bytes (40018), sub ≤ 40 bytes; key ≤ 128 B; url ≤ 1024 B', () => {
    const p = menuProblems({
      button: [
        { type: 'click', name: '六个汉字菜单', key: 'k' }, // 18 B
        {
          name: '五个汉字啊', // 15 B
          sub_button: [
            { type: 'click', name: '十四个汉字的二级菜单名称好长', key: 'k'.repeat(129) }, // 42 B
            { type: 'view', name: 'v', url: 'https://e/' + 'a'.repeat(1015) },
          ],
        },
      ],
    });
    expect(p).toEqual([
      'button[0].name 为 18 字节，超过上限 16 字节',
      'button[1].sub_button[0].name 为 42 字节，超过上限 40 字节',
      'button[1].sub_button[0].key 为 129 字节，超过上限 128 字节',
      'button[1].sub_button[1].url 为 1025 字节，超过上限 1024 字节',
    ]);
  });

  it('each leaf has a type with what it needs: key for click/scan/pic/location, url for view, appid+pagepath for mini programs', () => {
    const p = menuProblems({
      button: [
        { name: 'a' },
        { type: 'view', name: 'b' },
        { name: 'c', sub_button: [{ type: 'click', name: 'd' }, { type: 'view_miniprogram', name: 'e', appid: 'wx' }] },
      ],
    });
    expect(p).toEqual([
      'button[0] 缺少 type',
      'button[1].url 不能为空',
      'button[2].sub_button[0].key 不能为空',
      'button[2].sub_button[1] 为小程序菜单，需要 appid 和 pagepath',
    ]);
  });
});
