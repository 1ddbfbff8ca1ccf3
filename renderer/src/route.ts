import { useCallback, useEffect, useState } from 'react';

/** Menu areas in the manual's order (【企业微信集成】 first, 【基础参数设置】 last). */
export const areas = ['corps', 'contacts', 'messages', 'attendance', 'qrLogin', 'customers', 'archive', 'callbacks', 'other', 'basics'] as const;
export type Area = (typeof areas)[number];

export interface Route {
  area: Area;
  /** Corp detail under 【企业微信集成】: `#/corps/<id>`; a corp's 【通讯录管理】: `#/contacts/<id>[/<tab>]`. */
  corpId?: string;
  /** A tab of the per-corp screen (contacts). */
  tab?: string;
}

export function parseHash(hash: string): Route {
  const [first, second, third] = hash.replace(/^#\/?/, '').split('/');
  const area = (areas as readonly string[]).includes(first ?? '') ? (first as Area) : 'corps';
  if (area === 'contacts' && second) return third ? { area, corpId: decodeURIComponent(second), tab: decodeURIComponent(third) } : { area, corpId: decodeURIComponent(second) };
  return area === 'corps' && second ? { area, corpId: decodeURIComponent(second) } : { area };
}

export function routeHash(r: Route): string {
  if (!r.corpId) return `#/${r.area}`;
  const base = `#/${r.area}/${encodeURIComponent(r.corpId)}`;
  return r.tab ? `${base}/${encodeURIComponent(r.tab)}` : base;
}

/** Hash routing: no router dependency, survives reloads, and the token-free URL stays shareable. */
export function useHashRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((r: Route) => {
    const hash = routeHash(r);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(r);
  }, []);
  return [route, navigate];
}
