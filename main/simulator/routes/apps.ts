// agent/get, agent/set, agent/list, menu/create|get|delete, get_jsapi_ticket, ticket/get (agent_config) and
// auth/getuserinfo (wecom-api.md §4). Only app secrets, and only for their own agentid (else 301002).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { byteLength, charLength } from '../contact-rules';
import { SimError, invalidParam } from '../errors';
import { APP_ONLY, callerApp, parseBody, queryInt, queryString, type Route, type RouteContext } from '../router';
import type { Json, SimApp } from '../types';

function ownApp(ctx: RouteContext, agentid: number): SimApp {
  const app = callerApp(ctx);
  if (!ctx.sim.state.app(agentid)) throw new SimError(40056);
  if (app.agentid !== agentid) throw new SimError(301002);
  return app;
}

function agentJson(app: SimApp): Record<string, unknown> {
  return {
    agentid: app.agentid,
    name: app.name,
    square_logo_url: app.square_logo_url,
    description: app.description,
    allow_userinfos: { user: app.allow_users.map((userid) => ({ userid })) },
    allow_partys: { partyid: app.allow_partys },
    allow_tags: { tagid: app.allow_tags },
    close: app.close,
    redirect_domain: app.redirect_domain,
    report_location_flag: app.report_location_flag,
    isreportenter: app.isreportenter,
    home_url: app.home_url,
    customized_publish_status: 0,
  };
}

const AgentSetBody = z
  .object({
    agentid: z.number().int(),
    name: z.string().optional(),
    description: z.string().optional(),
    redirect_domain: z.string().optional(),
    report_location_flag: z.union([z.literal(0), z.literal(1)]).optional(),
    isreportenter: z.union([z.literal(0), z.literal(1)]).optional(),
    home_url: z.string().optional(),
    logo_mediaid: z.string().optional(),
  })
  .loose();

const isHttpUrl = (u: string) => /^https?:\/\/[^\s/]+/i.test(u);

interface MenuButton {
  name?: unknown;
  type?: unknown;
  key?: unknown;
  url?: unknown;
  sub_button?: unknown;
}

const MenuBody = z.object({ button: z.array(z.object({}).loose()) }).loose();

/** 1–3 buttons (40016), top names ≤ 16 bytes (40018), 1–5 sub-buttons (40023) of ≤ 40 bytes, 2 levels (40022). */
function checkMenu(buttons: MenuButton[]): void {
  if (buttons.length < 1 || buttons.length > 3) throw new SimError(40016);
  for (const b of buttons) {
    if (typeof b.name !== 'string' || b.name === '' || byteLength(b.name) > 16) throw new SimError(40018);
    if (Array.isArray(b.sub_button) && b.sub_button.length > 0) {
      const subs = b.sub_button as MenuButton[];
      if (subs.length > 5) throw new SimError(40023);
      for (const s of subs) {
        if (typeof s.name !== 'string' || s.name === '' || byteLength(s.name) > 40) throw new SimError(40018);
        if (Array.isArray(s.sub_button) && s.sub_button.length > 0) throw new SimError(40022);
        checkLeaf(s, 40054);
      }
    } else {
      checkLeaf(b, 40055);
    }
  }
}

/** `badUrl`: 40054 for a sub-button, 40055 for a top-level button. */
function checkLeaf(b: MenuButton, badUrl: 40054 | 40055): void {
  if (typeof b.type !== 'string' || b.type === '') throw invalidParam('button type missing');
  if (b.type === 'view' && (typeof b.url !== 'string' || !isHttpUrl(b.url) || byteLength(b.url) > 1024)) throw new SimError(badUrl);
  if (b.type === 'click' && (typeof b.key !== 'string' || b.key === '' || byteLength(b.key) > 128)) throw invalidParam('button key invalid');
}

const ticket = () => randomBytes(48).toString('base64url');

export const appRoutes: Route[] = [
  { method: 'GET', path: 'agent/get', allow: APP_ONLY, handle: (ctx) => agentJson(ownApp(ctx, queryInt(ctx, 'agentid'))) },
  {
    method: 'GET',
    path: 'agent/list',
    allow: APP_ONLY,
    handle: (ctx) => {
      const app = callerApp(ctx);
      return { agentlist: [{ agentid: app.agentid, name: app.name, square_logo_url: app.square_logo_url }] };
    },
  },
  {
    method: 'POST',
    path: 'agent/set',
    allow: APP_ONLY,
    handle: (ctx) => {
      const body = parseBody(ctx, AgentSetBody);
      const app = ownApp(ctx, body.agentid);
      if (body.name !== undefined && (charLength(body.name) < 1 || charLength(body.name) > 32)) throw invalidParam('name invalid');
      if (body.description !== undefined && (charLength(body.description) < 4 || charLength(body.description) > 120)) {
        throw new SimError(45004);
      }
      if (body.home_url !== undefined && body.home_url !== '' && !isHttpUrl(body.home_url)) throw invalidParam('home_url invalid');
      if (body.name !== undefined) app.name = body.name;
      if (body.description !== undefined) app.description = body.description;
      if (body.redirect_domain !== undefined) app.redirect_domain = body.redirect_domain;
      if (body.report_location_flag !== undefined) app.report_location_flag = body.report_location_flag;
      if (body.isreportenter !== undefined) app.isreportenter = body.isreportenter;
      if (body.home_url !== undefined) app.home_url = body.home_url;
      return {};
    },
  },
  {
    method: 'POST',
    path: 'menu/create',
    allow: APP_ONLY,
    handle: (ctx) => {
      const app = ownApp(ctx, queryInt(ctx, 'agentid'));
      const body = parseBody(ctx, MenuBody);
      checkMenu(body.button as MenuButton[]);
      app.menu = { button: body.button as Json[] };
      return {};
    },
  },
  {
    method: 'GET',
    path: 'menu/get',
    allow: APP_ONLY,
    handle: (ctx) => {
      const app = ownApp(ctx, queryInt(ctx, 'agentid'));
      if (app.menu === null) throw new SimError(46003);
      return app.menu as Record<string, unknown>;
    },
  },
  {
    method: 'GET',
    path: 'menu/delete',
    allow: APP_ONLY,
    handle: (ctx) => {
      ownApp(ctx, queryInt(ctx, 'agentid')).menu = null;
      return {};
    },
  },
  { method: 'GET', path: 'get_jsapi_ticket', allow: APP_ONLY, handle: () => ({ ticket: ticket(), expires_in: 7200 }) },
  {
    method: 'GET',
    path: 'ticket/get',
    allow: APP_ONLY,
    handle: (ctx) => {
      if (queryString(ctx, 'type') !== 'agent_config') throw invalidParam('type invalid');
      return { ticket: ticket(), expires_in: 7200 };
    },
  },
  {
    method: 'GET',
    path: 'auth/getuserinfo',
    allow: APP_ONLY,
    handle: (ctx) => {
      const app = callerApp(ctx);
      const userid = ctx.sim.oauth.consume(queryString(ctx, 'code'), app.agentid, ctx.sim.now());
      return { userid };
    },
  },
];
