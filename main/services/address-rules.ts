// F0.1: which external addresses WeCom can use. Pure, so the rule is table-tested.
import { isIP } from 'node:net';
import type { AddressAffected, AddressAssessment, CorpKind } from '../api/schemas';

const ALL_AFFECTED: AddressAffected[] = ['trustedDomain', 'ssoLinks', 'appHome', 'qrLogin', 'callbacks'];

function isPrivateIPv4(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127) || a === 0;
}

function isPrivateIPv6(ip: string): boolean {
  const v = ip.toLowerCase();
  return v === '::1' || v === '::' || v.startsWith('fc') || v.startsWith('fd') || v.startsWith('fe8') || v.startsWith('fe9') || v.startsWith('fea') || v.startsWith('feb');
}

/** Host names that only resolve inside a company network. */
function isIntranetName(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || !h.includes('.') || /\.(local|lan|internal|intranet|corp|home|localdomain)$/.test(h);
}

export function classifyHost(host: string): AddressAssessment['reason'] {
  const h = host.replace(/^\[|\]$/g, '');
  const kind = isIP(h);
  if (kind === 4) return isPrivateIPv4(h) ? 'privateAddress' : 'ipLiteral';
  if (kind === 6) return isPrivateIPv6(h) ? 'privateAddress' : 'ipLiteral';
  return isIntranetName(h) ? 'privateAddress' : 'none';
}

/**
 * Public WeCom must reach the listener on a public domain name; an IP or private address is saved only
 * after a confirmation naming what will fail. 政务微信: a warning. Private deployments: fine.
 */
export function assessAddress(url: string, corps: { name: string; kind: CorpKind }[]): AddressAssessment {
  const reason = classifyHost(new URL(url).hostname);
  if (reason === 'none') return { url, level: 'ok', reason, affected: [], corpNames: [] };
  const pub = corps.filter((c) => c.kind === 'public');
  if (pub.length) return { url, level: 'confirm', reason, affected: ALL_AFFECTED, corpNames: pub.map((c) => c.name) };
  const gov = corps.filter((c) => c.kind === 'gov');
  if (gov.length) return { url, level: 'warn', reason, affected: ALL_AFFECTED, corpNames: gov.map((c) => c.name) };
  return { url, level: 'ok', reason, affected: [], corpNames: [] };
}

const AFFECTED_ZH: Record<AddressAffected, string> = {
  trustedDomain: '【可信域名校验】',
  ssoLinks: '免登链接',
  appHome: '【应用主页】',
  qrLogin: '【扫码登录】',
  callbacks: '回调（接收消息）',
};

export function describeAssessment(a: AddressAssessment): string {
  const what = a.reason === 'ipLiteral' ? 'IP 地址' : a.reason === 'privateAddress' ? '内网地址' : '非公网域名';
  return `${a.url} 是${what}，企业微信（${a.corpNames.join('、')}）无法访问：${a.affected.map((x) => AFFECTED_ZH[x]).join('、')} 将不可用`;
}
