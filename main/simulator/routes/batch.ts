// media/upload (multipart field `media`) and the async batch jobs: batch/syncuser, replaceuser, replaceparty,
// getresult (wecom-api.md §2 Batch, §3 media).
import { z } from 'zod';
import { isValidEncodingAESKey } from '../callback-crypto';
import { SimError } from '../errors';
import { parseMultipart } from '../http-io';
import type { JobType } from '../batch-jobs';
import { ANY_CALLER, CONTACT_ONLY, parseBody, queryString, type Route, type RouteContext } from '../router';
import type { CallbackTarget } from '../types';

const MEDIA_LIMITS: Record<string, { max: number; ext: RegExp | null }> = {
  image: { max: 10 * 1024 * 1024, ext: /\.(jpe?g|png)$/i },
  voice: { max: 2 * 1024 * 1024, ext: /\.amr$/i },
  video: { max: 10 * 1024 * 1024, ext: /\.mp4$/i },
  file: { max: 20 * 1024 * 1024, ext: null },
};

function upload(ctx: RouteContext): Record<string, unknown> {
  const type = queryString(ctx, 'type');
  const limit = MEDIA_LIMITS[type];
  if (!limit) throw new SimError(40004);
  const part = parseMultipart(ctx.contentType, ctx.raw).find((p) => p.field === 'media');
  if (!part) throw new SimError(41005, 'media data missing');
  if (part.data.length <= 5) throw new SimError(40006, 'invalid media size');
  if (part.data.length > limit.max) throw new SimError(45001);
  if (limit.ext && !limit.ext.test(part.filename)) throw new SimError(40005);
  const now = ctx.sim.now();
  const m = ctx.sim.media.put({ type, filename: part.filename, contentType: part.contentType, data: part.data, createdAt: now });
  // The documented example answers errmsg "" here.
  return { errmsg: '', type, media_id: m.mediaId, created_at: String(Math.floor(now / 1000)) };
}

const JobBody = z
  .object({
    media_id: z.string(),
    to_invite: z.boolean().optional(),
    callback: z.object({ url: z.string(), token: z.string(), encodingaeskey: z.string() }).partial().loose().optional(),
  })
  .loose();

function submit(type: JobType) {
  return (ctx: RouteContext): Record<string, unknown> => {
    const body = parseBody(ctx, JobBody);
    const media = ctx.sim.media.get(body.media_id, ctx.sim.now());
    const cb = body.callback;
    let target: CallbackTarget | null = null;
    if (cb?.url && cb.token && cb.encodingaeskey) {
      if (!isValidEncodingAESKey(cb.encodingaeskey)) throw new SimError(40058, 'callback.encodingaeskey invalid. invalid Request Parameter');
      target = { url: cb.url, token: cb.token, encodingAESKey: cb.encodingaeskey, fullFields: true };
    }
    const jobid = ctx.sim.jobs.submit(type, media.data.toString('utf8'), body.to_invite ?? true, target);
    return { jobid };
  };
}

export const batchRoutes: Route[] = [
  { method: 'POST', path: 'media/upload', allow: ANY_CALLER, handle: upload },
  { method: 'POST', path: 'batch/syncuser', allow: CONTACT_ONLY, handle: submit('sync_user') },
  { method: 'POST', path: 'batch/replaceuser', allow: CONTACT_ONLY, handle: submit('replace_user') },
  { method: 'POST', path: 'batch/replaceparty', allow: CONTACT_ONLY, handle: submit('replace_party') },
  { method: 'GET', path: 'batch/getresult', allow: CONTACT_ONLY, handle: (ctx) => ctx.sim.jobs.result(queryString(ctx, 'jobid')) },
];
