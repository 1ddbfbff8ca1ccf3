import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAgent, listAgents, setAgent, setHomeUrl } from '../../../main/wecom/api/agents';
import { WeComValidationError } from '../../../main/wecom/api/common';
import { buildJssdkConfig, getAgentConfigTicket, getJsapiTicket, JsapiTicketCache, jssdkSignature } from '../../../main/wecom/api/jssdk';
import { createMenu, deleteMenu, getMenu, type Menu } from '../../../main/wecom/api/menus';
import { getApiDomainIp, getCallbackIp, getPermitUserList } from '../../../main/wecom/api/misc';
import { buildOAuthUrl, getUserInfoByCode } from '../../../main/wecom/api/oauth';
import { WeComError } from '../../../main/wecom/wecom-error';
import { openHarness, type Harness } from './sim-harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

const errcode = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as WeComError).errcode;

describe('agents', () => {
  it('get, list, set home_url and other settings', async () => {
    const a = await getAgent(h.app, h.agentid);
    expect(a).toMatchObject({ agentid: h.agentid, name: '云桥工作台', close: 0 });
    expect(a.allow_partys.partyid).toContain(1);
    expect((await listAgents(h.app)).map((x) => x.agentid)).toContain(h.agentid);
    await setHomeUrl(h.app, h.agentid, 'https://bridge.example.com/home');
    await setAgent(h.app, { agentid: h.agentid, description: '集成测试修改的应用介绍' });
    expect(await getAgent(h.app, h.agentid)).toMatchObject({ home_url: 'https://bridge.example.com/home', description: '集成测试修改的应用介绍' });
    await expect(setAgent(h.app, { agentid: h.agentid, description: '短' })).rejects.toBeInstanceOf(WeComValidationError);
    expect(await errcode(getAgent(h.app, h.sim.apps[1].agentid))).toBe(301002);
  });
});

describe('menus', () => {
  const menu: Menu = {
    button: [
      { type: 'click', name: '今日', key: 'TODAY' },
      { name: '更多', sub_button: [{ type: 'view', name: '官网', url: 'https://www.example.com/' }] },
    ],
  };

  it('create, get, delete; get without a menu is null (46003)', async () => {
    await createMenu(h.app, h.agentid, menu);
    expect(await getMenu(h.app, h.agentid)).toEqual(menu);
    await deleteMenu(h.app, h.agentid);
    expect(await getMenu(h.app, h.agentid)).toBeNull();
  });

  it('an invalid menu is refused before sending', async () => {
    await expect(createMenu(h.app, h.agentid, { button: [] })).rejects.toThrow('一级菜单需要 1–3 个');
    expect(await getMenu(h.app, h.agentid)).toBeNull();
  });
});

describe('JS-SDK tickets', () => {
  it('both tickets are fetched once and cached per app; the config signs the page URL without #fragment', async () => {
    const cache = new JsapiTicketCache({ now: () => new Date() });
    const t1 = await getJsapiTicket(h.app, cache);
    const t2 = await getJsapiTicket(h.app, cache);
    const a1 = await getAgentConfigTicket(h.app, cache);
    expect(t2).toBe(t1);
    expect(a1).not.toBe(t1);
    expect(await getAgentConfigTicket(h.app, cache)).toBe(a1);
    const other = h.client(h.sim.apps[1].secret, 'app');
    expect(await getJsapiTicket(other, cache)).not.toBe(t1);

    const cfg = await buildJssdkConfig(h.app, cache, { agentid: h.agentid, url: 'https://h5.example.com/p?a=1#top', nonceStr: 'n0nce', timestamp: 1700000000 });
    expect(cfg.config).toEqual({
      appId: h.sim.corpid,
      timestamp: 1700000000,
      nonceStr: 'n0nce',
      signature: jssdkSignature({ ticket: t1, nonceStr: 'n0nce', timestamp: 1700000000, url: 'https://h5.example.com/p?a=1' }),
    });
    expect(cfg.agentConfig.signature).toBe(jssdkSignature({ ticket: a1, nonceStr: 'n0nce', timestamp: 1700000000, url: 'https://h5.example.com/p?a=1' }));
    expect(cfg.agentConfig).toMatchObject({ corpid: h.sim.corpid, agentid: h.agentid });
  });

  it('50 pages loading at once fetch one ticket', async () => {
    const cache = new JsapiTicketCache({ now: () => new Date() });
    const tickets = await Promise.all(Array.from({ length: 50 }, () => getJsapiTicket(h.app, cache)));
    expect(new Set(tickets).size).toBe(1);
  });
});

describe('OAuth', () => {
  it('a code (as WeCom would append to the redirect) becomes the member; a reused code is 40029', async () => {
    const url = buildOAuthUrl({ corpid: h.sim.corpid, redirectUri: 'https://sso.example.com/cb', state: 'x1', agentid: h.agentid });
    expect(url).toContain(`appid=${h.sim.corpid}`);
    const userid = [...h.sim.state.users.values()][3].userid;
    const { code } = await h.admin<{ code: string }>('POST', 'oauth-code', { userid, agentid: h.agentid });
    expect(await getUserInfoByCode(h.app, code)).toEqual({ kind: 'member', userid, userTicket: null });
    expect(await errcode(getUserInfoByCode(h.app, code))).toBe(40029);
  });
});

describe('misc', () => {
  it('API domain IPs, callback IPs, and the archive permit list (archive secret only)', async () => {
    expect((await getApiDomainIp(h.app)).length).toBeGreaterThan(0);
    expect((await getCallbackIp(h.contact)).length).toBeGreaterThan(0);
    const ids = await getPermitUserList(h.archive);
    expect(ids.length).toBe([...h.sim.state.users.values()].filter((u) => u.msgaudit).length);
    expect(await getPermitUserList(h.archive, 3)).toEqual(ids);
    expect(await errcode(getPermitUserList(h.app))).toBe(48002);
  });
});
