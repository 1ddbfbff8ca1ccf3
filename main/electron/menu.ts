// The application menu: small, zh-CN labels, standard roles (which also give the edit shortcuts that
// text fields need on macOS).
import type { MenuItemConstructorOptions } from 'electron';

export const HELP_LINKS = {
  console: 'https://work.weixin.qq.com/wework_admin/frame',
  docs: 'https://developer.work.weixin.qq.com/document/',
} as const;

export function appMenuTemplate(opts: {
  isMac: boolean;
  devTools: boolean;
  openExternal(url: string): void;
}): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    ...(opts.devTools ? [{ role: 'toggleDevTools', label: '开发者工具' } as const] : []),
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  return [
    ...(opts.isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '文件',
      submenu: [opts.isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        ...(opts.isMac
          ? ([{ role: 'zoom', label: '缩放' }, { role: 'front', label: '前置全部窗口' }] as const)
          : ([{ role: 'close', label: '关闭' }] as const)),
      ],
    },
    {
      label: '帮助',
      role: 'help',
      submenu: [
        { label: '企业微信管理后台', click: () => opts.openExternal(HELP_LINKS.console) },
        { label: '企业微信开发者文档', click: () => opts.openExternal(HELP_LINKS.docs) },
      ],
    },
  ];
}
