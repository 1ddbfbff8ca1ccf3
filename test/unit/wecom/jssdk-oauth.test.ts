import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WeComValidationError } from '../../../main/wecom/api/common';
import { jssdkSignature, stripFragment } from '../../../main/wecom/api/jssdk';
import { buildLegacyQrConnectUrl, buildOAuthUrl, buildWebLoginUrl, webLoginPanelParams } from '../../../main/wecom/api/oauth';

describe('JS-SDK signature', () => {
  it('matches the published example vector', () => {
    // The signature example of the WeChat/WeCom JS-SDK docs (附录1).
    expect(
      jssdkSignature({
        ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
        nonceStr: 'Wm3WZYTPz0wzccnW',
        timestamp: 1414587457,
        url: 'http://mp.weixin.qq.com?params=value',
      }),
    ).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('equals sha1 of the ordered, unencoded string, with the #fragment removed', () => {
    const ticket = 'kgt8ON7yVITDhtdwci0qeZEX1C1VDOBfAiNXnR9zGXXUJcyPzLuBYtcCXvuzK9IsBbAFzB4zZ6Xfm1hHB27QgA';
    const url = 'https://bridge.example.com/h5/index.html?id=7&name=张三&redirect=%2Fhome#/page?x=1';
    const expected = createHash('sha1')
      .update(`jsapi_ticket=${ticket}&noncestr=abc123&timestamp=1700000000&url=https://bridge.example.com/h5/index.html?id=7&name=张三&redirect=%2Fhome`)
      .digest('hex');
    expect(jssdkSignature({ ticket, nonceStr: 'abc123', timestamp: 1700000000, url })).toBe(expected);
    expect(jssdkSignature({ ticket, nonceStr: 'abc123', timestamp: '1700000000', url: stripFragment(url) })).toBe(expected);
    expect(stripFragment('https://a/b')).toBe('https://a/b');
  });
});

describe('OAuth2 and web-login URLs (wecom-api.md §4)', () => {
  it('builds the in-WeCom authorize URL exactly', () => {
    expect(
      buildOAuthUrl({ corpid: 'ww6a112864f8022910', redirectUri: 'https://sso.example.com/cb?from=wecom', state: 'abc123', agentid: 1000002 }),
    ).toBe(
      'https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww6a112864f8022910' +
        '&redirect_uri=https%3A%2F%2Fsso.example.com%2Fcb%3Ffrom%3Dwecom&response_type=code&scope=snsapi_base&state=abc123' +
        '&agentid=1000002#wechat_redirect',
    );
    expect(buildOAuthUrl({ corpid: 'ww1', redirectUri: 'http://10.0.0.5:8080/cb', scope: 'snsapi_privateinfo', agentid: 5, host: 'https://wx.corp.local/' })).toBe(
      'https://wx.corp.local/connect/oauth2/authorize?appid=ww1&redirect_uri=http%3A%2F%2F10.0.0.5%3A8080%2Fcb&response_type=code' +
        '&scope=snsapi_privateinfo&state=&agentid=5#wechat_redirect',
    );
  });

  it('refuses privateinfo without agentid, bad state and relative redirects', () => {
    expect(() => buildOAuthUrl({ corpid: 'ww1', redirectUri: 'https://a/cb', scope: 'snsapi_privateinfo' })).toThrow(WeComValidationError);
    expect(() => buildOAuthUrl({ corpid: 'ww1', redirectUri: 'https://a/cb', state: 'a-b' })).toThrow('state 只能包含字母和数字');
    expect(() => buildOAuthUrl({ corpid: 'ww1', redirectUri: 'https://a/cb', state: 'a'.repeat(129) })).toThrow('128 字节');
    expect(() => buildOAuthUrl({ corpid: 'ww1', redirectUri: '/cb' })).toThrow('redirect_uri');
  });

  it('builds the web-login (QR) URL exactly, and the legacy qrConnect URL', () => {
    expect(buildWebLoginUrl({ corpid: 'ww1', agentid: 1000002, redirectUri: 'https://sso.example.com/cb', state: 'S1' })).toBe(
      'https://login.work.weixin.qq.com/wwlogin/sso/login?login_type=CorpApp&appid=ww1&agentid=1000002' +
        '&redirect_uri=https%3A%2F%2Fsso.example.com%2Fcb&state=S1&lang=zh',
    );
    expect(buildWebLoginUrl({ corpid: 'ww1', agentid: 7, redirectUri: 'https://a/cb', lang: 'en' })).toMatch(/&state=&lang=en$/);
    expect(buildLegacyQrConnectUrl({ corpid: 'ww1', agentid: 7, redirectUri: 'https://a/cb', state: 'x' })).toBe(
      'https://open.work.weixin.qq.com/wwopen/sso/qrConnect?appid=ww1&agentid=7&redirect_uri=https%3A%2F%2Fa%2Fcb&state=x',
    );
    expect(webLoginPanelParams({ corpid: 'ww1', agentid: 7, redirectUri: 'https://a/cb' })).toEqual({
      login_type: 'CorpApp',
      appid: 'ww1',
      agentid: '7',
      redirect_uri: 'https://a/cb',
      state: '',
    });
  });
});
