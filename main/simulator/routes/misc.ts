// get_api_domain_ip, getcallbackip and msgaudit/get_permit_user_list.
import { z } from 'zod';
import { ANY_CALLER, parseBody, type Route } from '../router';

// WeCom's published egress/API ranges change over time; these are representative values of the same shape.
const API_DOMAIN_IPS = ['182.254.11.176', '182.254.78.66', '140.207.54.79', '140.207.54.76', '101.226.141.58'];
const CALLBACK_IPS = ['101.226.103.0/25', '101.226.62.0/26', '140.207.54.0/25', '182.254.11.0/24', '203.205.220.0/24'];

const PermitBody = z.object({ type: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional() }).loose();

export const miscRoutes: Route[] = [
  { method: 'GET', path: 'get_api_domain_ip', allow: ANY_CALLER, handle: () => ({ ip_list: API_DOMAIN_IPS }) },
  { method: 'GET', path: 'getcallbackip', allow: ANY_CALLER, handle: () => ({ ip_list: CALLBACK_IPS }) },
  {
    method: 'POST',
    path: 'msgaudit/get_permit_user_list',
    allow: ['archive'],
    handle: (ctx) => {
      // type 1 办公版, 2 服务版, 3 企业版: the simulator has one permit list for all.
      parseBody(ctx, PermitBody, { emptyIsObject: true });
      return { ids: ctx.sim.state.usersSorted().filter((u) => u.msgaudit).map((u) => u.userid) };
    },
  },
];
