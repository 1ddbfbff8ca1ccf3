import { describe, expect, it } from 'vitest';
import { assessAddress, classifyHost, describeAssessment } from '../../../main/services/address-rules';

describe('F0.1 external address rules', () => {
  it.each([
    ['bridge.example.com', 'none'],
    ['10.1.2.3', 'privateAddress'],
    ['192.168.0.8', 'privateAddress'],
    ['172.20.1.1', 'privateAddress'],
    ['172.32.1.1', 'ipLiteral'],
    ['8.8.8.8', 'ipLiteral'],
    ['localhost', 'privateAddress'],
    ['oa-server', 'privateAddress'],
    ['oa.corp', 'privateAddress'],
    ['[::1]', 'privateAddress'],
    ['[2001:db8::1]', 'ipLiteral'],
  ])('%s → %s', (host, reason) => {
    expect(classifyHost(host)).toBe(reason);
  });

  const pub = { name: '公网企业', kind: 'public' as const };
  const priv = { name: '私有化', kind: 'private' as const };
  const gov = { name: '政务', kind: 'gov' as const };

  it('a public corp makes an intranet IP need confirmation naming what will fail', () => {
    const a = assessAddress('http://10.1.2.3:8088', [pub, priv]);
    expect(a.level).toBe('confirm');
    expect(a.corpNames).toEqual(['公网企业']);
    expect(a.affected).toEqual(['trustedDomain', 'ssoLinks', 'appHome', 'qrLogin', 'callbacks']);
    expect(describeAssessment(a)).toMatch(/可信域名校验.*扫码登录/);
  });

  it('private deployments accept an intranet IP as is', () => {
    expect(assessAddress('http://10.1.2.3:8088', [priv]).level).toBe('ok');
  });

  it('政务微信 only warns', () => {
    expect(assessAddress('http://10.1.2.3:8088', [gov, priv]).level).toBe('warn');
  });

  it('a public domain is fine everywhere', () => {
    expect(assessAddress('https://bridge.example.com', [pub, gov]).level).toBe('ok');
  });
});
