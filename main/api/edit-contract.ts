// F4.15 edits in 【通讯录管理】: preview an edit as a one-operation plan, then apply it as a job.
import { z } from 'zod';
import { ContactEdit } from '../sync/edit-schema';

const corpRef = z.object({ corpId: z.string().min(1) });
const FieldChangeView = z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() });

export const EditPlanView = z.object({
  id: z.string(),
  edit: ContactEdit,
  op: z.record(z.string(), z.unknown()),
  opHash: z.string(),
  destructive: z.number().int(),
  target: z.object({ type: z.enum(['user', 'dept']), id: z.string(), name: z.string() }),
  changes: z.array(FieldChangeView),
  notes: z.array(z.enum(['mobileIgnoredWhenActive', 'disableKeepsSeat', 'deleteLosesData', 'bindsOa', 'invites', 'oaManaged'])),
});

export const EditResultView = z.object({
  run: z.string(),
  status: z.enum(['succeeded', 'failed', 'cancelled']),
  target: EditPlanView.shape.target,
  kind: z.string(),
  failure: z.object({ op: z.string(), target: z.string(), errcode: z.number().nullable(), message: z.string() }).nullable(),
  toOA: z.object({ changes: z.number(), workbook: z.string().nullable(), endpoint: z.string().optional(), error: z.string().optional() }).optional(),
});

export const editContract = {
  'contacts.editPlan': { input: corpRef.extend({ edit: ContactEdit }), output: EditPlanView },
  'contacts.editApply': { input: corpRef.extend({ id: z.string().min(1), confirm: z.number().int().min(0).optional() }), output: z.object({ jobId: z.string() }) },
} as const;
