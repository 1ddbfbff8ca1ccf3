// editContract → services (validation happens in dispatch).
import type { z } from 'zod';
import type { Services } from '../core/services';
import type { editContract } from './edit-contract';

type C = typeof editContract;
type EditHandlers = { [M in keyof C]: (input: z.output<C[M]['input']>) => z.output<C[M]['output']> | Promise<z.output<C[M]['output']>> };

export function createEditHandlers(s: Services): EditHandlers {
  return {
    'contacts.editPlan': (i) => {
      const p = s.edits.plan(s.corps.record(i.corpId).id, i.edit);
      return { ...p, op: p.op as unknown as Record<string, unknown> };
    },
    'contacts.editApply': (i) => ({ jobId: s.startEdit(s.corps.record(i.corpId).id, i) }),
  };
}
