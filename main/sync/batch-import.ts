// F4.12 [beyond]: a large initial sync creates people through WeCom's async batch import (batch/syncuser)
// instead of one user/create per person. Only creates go this way (syncuser also overwrites existing
// members, and the planner only creates userids WeCom does not have). A crash mid-job leaves the ops
// `started`; the rerun then settles each one by looking the userid up.
import { syncUsers, uploadCsv, waitForBatchJob } from '../wecom/api/batch';
import type { WeComClient } from '../wecom/client';
import { explainErrcode } from '../wecom/errcodes';
import type { Op } from './plan-types';

/** Below this many creates, single calls are as fast and report errors one by one. */
export const BATCH_IMPORT_THRESHOLD = 1000;

type CreateOp = Extract<Op, { kind: 'createUser' }>;

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** WeCom's member template: 姓名, 帐号, 手机号, 邮箱, 所在部门 (ids, `;`-separated), 职位. */
export function membersCsv(rows: { op: CreateOp; department: number[] }[]): string {
  const head = ['姓名', '帐号', '手机号', '邮箱', '所在部门', '职位'];
  const lines = rows.map(({ op, department }) => [op.name, op.userid, op.fields.mobile ?? '', op.fields.email ?? '', department.join(';'), op.fields.position ?? ''].map(csvCell).join(','));
  return `${[head.join(','), ...lines].join('\n')}\n`;
}

export interface BatchOutcome {
  done: string[];
  failed: { userid: string; errcode: number; message: string }[];
}

export async function batchCreateUsers(client: WeComClient, rows: { op: CreateOp; department: number[] }[], opts: { invite: boolean; signal: AbortSignal; onProgress?: (pct: number) => void }): Promise<BatchOutcome> {
  const mediaId = await uploadCsv(client, `members-${Date.now()}.csv`, membersCsv(rows), { signal: opts.signal });
  const jobid = await syncUsers(client, { media_id: mediaId, to_invite: opts.invite }, { signal: opts.signal });
  const result = await waitForBatchJob(client, jobid, { signal: opts.signal, intervalMs: 500, onProgress: (r) => opts.onProgress?.(r.percentage) });
  const byUser = new Map(result.result.filter((r) => r.userid).map((r) => [r.userid!.toLowerCase(), r]));
  const out: BatchOutcome = { done: [], failed: [] };
  for (const { op } of rows) {
    const r = byUser.get(op.userid.toLowerCase());
    if (!r) out.failed.push({ userid: op.userid, errcode: -1, message: '批量导入结果中没有该成员' });
    else if (r.errcode === 0) out.done.push(op.userid);
    else {
      const x = explainErrcode(r.errcode, { lang: 'zh-CN', secretKind: 'contact', errmsg: r.errmsg });
      out.failed.push({ userid: op.userid, errcode: r.errcode, message: `${x.message} ${x.action}` });
    }
  }
  return out;
}
