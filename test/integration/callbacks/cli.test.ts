// The callback commands exactly as shared/CLI.md states them: `app callback`, `corp callback`,
// `corp customer-callback` (JSON shapes, regenerate / set / replies, URLs on the external address or the listener),
// `reply-rule add|list|remove` with their exit-2 flag rules, and a change made by the CLI next to a running
// `serve` taking effect at once.
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackSignature, encryptCallbackMessage } from '../../../main/simulator';
import { cli, cliAsync, cliLongRunning } from '../../helpers/cli';
import { filesContaining, tempDir } from '../../helpers/tmp';

const dir = tempDir();
const D = dir.path;
afterAll(() => dir.cleanup());
const run = (...args: string[]) => cli([...args, '--json', '--data-dir', D]);
const codes = (cases: string[][]) => Promise.all(cases.map((a) => cliAsync([...a, '--json', '--data-dir', D]).then((r) => r.code)));
const CORPID = 'wwcli0123456789';
let corp = '';
let app = '';

beforeAll(() => {
  corp = (run('corp', 'add', '--name', '回调', '--corpid', CORPID, '--api-base', 'http://10.9.9.9:8080', '--kind', 'private').json as { id: string }).id;
  app = (run('app', 'add', '--corp', corp, '--name', '审批', '--agentid', '1000002', '--secret', 'APP-SECRET').json as { id: string }).id;
});

describe('app callback / corp callback / corp customer-callback', () => {
  it('prints {"url","token","encodingAESKey","replies"}, generated once, stored sealed', () => {
    const a = run('app', 'callback', '--app', app);
    expect(a.code).toBe(0);
    const v = a.json as Record<string, unknown>;
    expect(Object.keys(v).sort()).toEqual(['encodingAESKey', 'replies', 'token', 'url']);
    expect(v).toMatchObject({ url: expect.stringMatching(new RegExp(`^http://.+/callback/app/${app}$`)), token: expect.stringMatching(/^[A-Za-z0-9]{32}$/), encodingAESKey: expect.stringMatching(/^[A-Za-z0-9]{43}$/), replies: false });
    expect(run('app', 'callback', '--app', app).json).toEqual(v);
    expect(filesContaining(D, v.token as string)).toEqual([]);
    expect(filesContaining(D, v.encodingAESKey as string)).toEqual([]);
  });

  it('--regenerate, --token/--aes-key and --replies on|off', () => {
    const old = run('app', 'callback', '--app', app).json as Record<string, string>;
    const fresh = run('app', 'callback', '--app', app, '--regenerate').json as Record<string, string>;
    expect(fresh.token).not.toBe(old.token);
    expect(fresh.encodingAESKey).not.toBe(old.encodingAESKey);
    const key = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    expect(run('app', 'callback', '--app', app, '--token', 'MyToken123', '--aes-key', key, '--replies', 'on').json).toMatchObject({ token: 'MyToken123', encodingAESKey: key, replies: true });
    expect(run('app', 'callback', '--app', app, '--replies', 'off').json).toMatchObject({ token: 'MyToken123', replies: false });
    expect(run('app', 'callback', '--app', app, '--aes-key', 'too-short').code).toBe(1);
    expect(run('app', 'callback', '--app', app, '--replies', 'maybe').code).toBe(2);
    expect(run('app', 'callback', '--app', 'a_nosuchapp').code).toBe(1);
  }, 120_000);

  it('the corp callbacks: {"url","token","encodingAESKey"} at /callback/contacts|customer/<corpId>, built on 云桥对外域名', () => {
    const c = run('corp', 'callback', '--corp', corp).json as Record<string, string>;
    expect(Object.keys(c).sort()).toEqual(['encodingAESKey', 'token', 'url']);
    expect(c.url).toMatch(new RegExp(`/callback/contacts/${corp}$`));
    const k = run('corp', 'customer-callback', '--corp', corp).json as Record<string, string>;
    expect(k.url).toMatch(new RegExp(`/callback/customer/${corp}$`));
    expect(k.token).not.toBe(c.token);
    expect(run('corp', 'callback', '--corp', corp, '--replies', 'on').code).toBe(2);
    expect(run('corp', 'callback', '--corp', 'c_nosuchcorp').code).toBe(1);
    expect(run('external-address', 'set', 'http://10.1.2.3:8088').code).toBe(0);
    expect(run('corp', 'customer-callback', '--corp', corp).json).toMatchObject({ url: `http://10.1.2.3:8088/callback/customer/${corp}`, token: k.token });
    expect(run('corp', 'callback', '--corp', corp, '--regenerate').json).toMatchObject({ url: `http://10.1.2.3:8088/callback/contacts/${corp}` });
  }, 120_000);
});

describe('reply-rule', () => {
  it('add / list in priority order / remove; exit 2 for bad flag combinations, exit 1 for bad values', async () => {
    const add = (...a: string[]) => run('reply-rule', 'add', '--app', app, ...a);
    const low = add('--name', '兜底', '--match', 'any', '--reply', '已收到');
    expect(low.code).toBe(0);
    expect(low.json).toEqual({ id: expect.stringMatching(/^rr_/) });
    expect(add('--name', '报销', '--match', 'contains', '--keyword', '报销', '--reply', '请走 OA', '--priority', '5').code).toBe(0);
    expect(add('--name', '图片', '--action', 'image', '--reply', '图片已收到', '--priority', '5', '--disabled').code).toBe(0);
    const list = run('reply-rule', 'list', '--app', app).json as { name: string; priority: number; enabled: boolean; match: string | null }[];
    expect(list.map((r) => [r.name, r.priority, r.enabled])).toEqual([['报销', 5, true], ['图片', 5, false], ['兜底', 100, true]]);
    expect(list[1].match).toBeNull();

    const usageCases = [
      ['--name', 'x', '--reply', 'y'], // text needs --match
      ['--name', 'x', '--match', 'contains', '--reply', 'y'], // keyword required
      ['--name', 'x', '--match', 'any', '--keyword', 'k', '--reply', 'y'], // any refuses keyword
      ['--name', 'x', '--action', 'image', '--match', 'any', '--reply', 'y'],
      ['--name', 'x', '--action', 'image', '--keyword', 'k', '--reply', 'y'],
      ['--name', 'x', '--match', 'fuzzy', '--keyword', 'k', '--reply', 'y'],
      ['--name', 'x', '--match', 'exact', '--keyword', 'k'], // --reply required
    ];
    const valueCases = [
      ['--name', 'x', '--match', 'exact', '--keyword', '字'.repeat(51), '--reply', 'y'],
      ['--name', 'x', '--match', 'any', '--reply', '回'.repeat(1501)],
      ['--name', 'x', '--match', 'any', '--reply', 'y', '--priority', '0'],
      ['--name', 'x', '--match', 'any', '--reply', 'y', '--priority', '1.5'],
    ];
    const got = await codes([...usageCases, ...valueCases].map((c) => ['reply-rule', 'add', '--app', app, ...c]));
    expect(got).toEqual([...usageCases.map(() => 2), ...valueCases.map(() => 1)]);
    expect(add('--name', 'x', '--match', 'exact', '--keyword', '字'.repeat(50), '--reply', '回'.repeat(1500), '--priority', '100').code).toBe(0);

    const id = (low.json as { id: string }).id;
    expect(await codes([[], ['--id', id, '--all'], ['--id', id, '--app', app], ['--app', app], ['--all']].map((c) => ['reply-rule', 'remove', ...c]))).toEqual([2, 2, 2, 2, 2]);
    expect(run('reply-rule', 'remove', '--id', id).json).toEqual({ removed: 1 });
    expect(run('reply-rule', 'remove', '--id', id).code).toBe(1);
    expect(run('reply-rule', 'remove', '--app', app, '--all').json).toEqual({ removed: 3 });
    expect(run('reply-rule', 'list', '--app', app).json).toEqual([]);
  }, 120_000);
});

describe('next to a running serve', () => {
  it('serve --json names the callback listener; a Token regenerated by the CLI applies at once', async () => {
    expect(run('external-address', 'clear').code).toBe(0);
    const served = await cliLongRunning(['serve', '--json', '--port', '0', '--callback-port', '0', '--data-dir', D]);
    try {
      const base = served.line.callback as string;
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await request(`${base}/healthz`);
      expect(health.statusCode).toBe(200);
      await health.body.text();
      const post = async (s: { token: string; encodingAESKey: string }) => {
        const xml = `<xml><ToUserName><![CDATA[${CORPID}]]></ToUserName><FromUserName><![CDATA[u1]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content><MsgId>${Date.now()}</MsgId><AgentID>1000002</AgentID></xml>`;
        const enc = encryptCallbackMessage(s.encodingAESKey, xml, CORPID);
        const q = new URLSearchParams({ msg_signature: callbackSignature(s.token, '1700000000', '5', enc), timestamp: '1700000000', nonce: '5' });
        const res = await request(`${base}/callback/app/${app}?${q}`, { method: 'POST', body: `<xml><Encrypt><![CDATA[${enc}]]></Encrypt></xml>` });
        await res.body.text();
        return res.statusCode;
      };
      const old = run('app', 'callback', '--app', app).json as { url: string; token: string; encodingAESKey: string };
      expect(old.url).toBe(`${base}/callback/app/${app}`);
      expect(await post(old)).toBe(200);
      const fresh = run('app', 'callback', '--app', app, '--regenerate').json as { token: string; encodingAESKey: string };
      expect(await post(old)).toBe(400);
      expect(await post(fresh)).toBe(200);
    } finally {
      expect(await served.stop()).toBe(0);
    }
  }, 60_000);
});
