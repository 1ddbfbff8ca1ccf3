// Media upload and asynchronous batch jobs (异步批量): a CSV uploaded with media/upload, then batch/syncuser,
// replaceuser or replaceparty, then batch/getresult until done — wecom-api.md §2 "Batch" and §3 media/upload.
// Secrets: media/upload works with any secret of the corp (media ids are shared by the corp's apps); the batch
// jobs need the contacts-sync secret.
import { z } from 'zod';
import { multipartFile, type WeComClient } from '../client';
import { realSleep } from '../rate-limiter';
import { assertValid } from './common';

export type MediaType = 'image' | 'voice' | 'video' | 'file';

/** Doc 96484: every file > 5 bytes; these maxima per type. */
export const MEDIA_MAX_BYTES: Record<MediaType, number> = {
  image: 10 * 1024 * 1024,
  voice: 2 * 1024 * 1024,
  video: 10 * 1024 * 1024,
  file: 20 * 1024 * 1024,
};

const MediaReply = z.object({ type: z.string().default(''), media_id: z.string().min(1), created_at: z.union([z.string(), z.number()]).transform(Number) });
export type MediaUpload = z.output<typeof MediaReply>;

export function mediaProblems(type: MediaType, filename: string, size: number): string[] {
  const problems: string[] = [];
  if (size <= 5) problems.push(`文件只有 ${size} 字节，企业微信要求大于 5 字节`);
  if (size > MEDIA_MAX_BYTES[type]) problems.push(`${type} 文件 ${size} 字节，超过上限 ${MEDIA_MAX_BYTES[type]} 字节`);
  if (filename.trim() === '') problems.push('文件名不能为空');
  return problems;
}

/** media/upload?type=…, multipart field `media`; the media_id is valid for 3 days. Size checked before sending. */
export async function uploadMedia(
  client: WeComClient,
  file: { type: MediaType; filename: string; content: Uint8Array; contentType?: string },
  o: { signal?: AbortSignal } = {},
): Promise<MediaUpload> {
  assertValid('上传的文件', mediaProblems(file.type, file.filename, file.content.byteLength));
  const body = multipartFile('media', file.filename, file.content, file.contentType);
  return client.upload('media/upload', { type: file.type }, body, MediaReply, o);
}

/** Uploads CSV text (UTF-8) for a batch job; returns its media_id. */
export async function uploadCsv(client: WeComClient, filename: string, csv: string, o: { signal?: AbortSignal } = {}): Promise<string> {
  const r = await uploadMedia(client, { type: 'file', filename, content: Buffer.from(csv, 'utf8'), contentType: 'text/csv' }, o);
  return r.media_id;
}

export interface BatchCallback {
  url: string;
  token: string;
  encodingaeskey: string;
}

export interface BatchJobInput {
  media_id: string;
  /** Invite new members (default true). Not used by replaceparty. */
  to_invite?: boolean;
  /** Where WeCom sends the `batch_job_result` event. */
  callback?: BatchCallback;
}

export type BatchJobKind = 'syncuser' | 'replaceuser' | 'replaceparty';

const JobId = z.object({ jobid: z.string().min(1) });

/**
 * Starts a batch job → jobid. Never retried: a lost reply may have started the job, and WeCom keeps only the last
 * 5 results, so the caller reports the failure instead of starting a second job.
 * - syncuser: adds and updates the CSV's members (others untouched).
 * - replaceuser: makes the members exactly the CSV (aborts with 45026 when it would delete too many).
 * - replaceparty: makes the department tree exactly the CSV.
 */
export async function startBatchJob(client: WeComClient, kind: BatchJobKind, input: BatchJobInput, o: { signal?: AbortSignal } = {}): Promise<string> {
  const body = kind === 'replaceparty' ? { media_id: input.media_id, callback: input.callback } : input;
  const r = await client.post(`batch/${kind}`, body, JobId, o);
  return r.jobid;
}

export const syncUsers = (c: WeComClient, i: BatchJobInput, o?: { signal?: AbortSignal }) => startBatchJob(c, 'syncuser', i, o);
export const replaceUsers = (c: WeComClient, i: BatchJobInput, o?: { signal?: AbortSignal }) => startBatchJob(c, 'replaceuser', i, o);
export const replaceParties = (c: WeComClient, i: BatchJobInput, o?: { signal?: AbortSignal }) => startBatchJob(c, 'replaceparty', i, o);

const int = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);

const BatchResultItem = z.object({
  userid: z.string().optional(),
  partyid: int.optional(),
  /** replaceparty: 1 created, 2 updated, 3 deleted (as WeCom reports it). */
  action: z.number().int().optional(),
  errcode: z.number().int().default(0),
  errmsg: z.string().default(''),
});

const BatchResult = z.object({
  /** 1 started, 2 running, 3 done. */
  status: z.number().int(),
  type: z.string().default(''),
  total: z.number().int().default(0),
  percentage: z.number().default(0),
  result: z.array(BatchResultItem).default([]),
});
export type BatchResult = z.output<typeof BatchResult>;

/** batch/getresult. 40088 unknown jobid, 40089 result purged (only the last 5 are kept). */
export async function getBatchResult(client: WeComClient, jobid: string, o: { signal?: AbortSignal } = {}): Promise<BatchResult> {
  return client.get('batch/getresult', { jobid }, BatchResult, o);
}

export interface PollOptions {
  signal?: AbortSignal;
  /** Between polls (default 1 s). */
  intervalMs?: number;
  /** Give up after this long (default 10 min); the job itself keeps running at WeCom. */
  timeoutMs?: number;
  onProgress?: (r: BatchResult) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** Polls batch/getresult until status 3 and returns the final result (per-row errcodes are in `result`). */
export async function waitForBatchJob(client: WeComClient, jobid: string, p: PollOptions = {}): Promise<BatchResult> {
  const sleep = p.sleep ?? realSleep;
  const now = p.now ?? Date.now;
  const deadline = now() + (p.timeoutMs ?? 600_000);
  for (;;) {
    const r = await getBatchResult(client, jobid, { signal: p.signal });
    p.onProgress?.(r);
    if (r.status === 3) return r;
    if (now() >= deadline) throw new Error(`批量任务 ${jobid} 在限定时间内未完成（进度 ${r.percentage}%），可稍后用 jobid 查询结果`);
    await sleep(p.intervalMs ?? 1000, p.signal);
  }
}
