import type { z } from 'zod';
import type { In } from '../../../main/api/contract';
import { CorpCreateInput, PUBLIC_API_BASE, type CorpKind, type CorpView } from '../../../main/api/schemas';

/** What the corp form edits. Secrets follow the update rule: undefined = keep, null = clear, string = replace. */
export interface CorpFormValues {
  name: string;
  corpid: string;
  kind: CorpKind;
  apiBase: string;
  apiPrefix: string;
  proxyUrl: string;
  caPem: string;
  contactSecret?: string | null;
  customerSecret?: string | null;
}

export type CorpField = keyof CorpFormValues;

export function initialValues(corp?: CorpView): CorpFormValues {
  return {
    name: corp?.name ?? '',
    corpid: corp?.corpid ?? '',
    kind: corp?.kind ?? 'public',
    apiBase: corp?.apiBase ?? PUBLIC_API_BASE,
    apiPrefix: corp?.apiPrefix ?? '/cgi-bin',
    proxyUrl: corp?.proxyUrl ?? '',
    caPem: corp?.caPem ?? '',
    contactSecret: undefined,
    customerSecret: undefined,
  };
}

const blankToUndefined = (s: string | undefined) => (s && s.trim() !== '' ? s : undefined);

function createShape(v: CorpFormValues): In<'corps.create'> {
  return {
    name: v.name ?? '',
    corpid: v.corpid ?? '',
    kind: v.kind,
    apiBase: v.apiBase ?? '',
    apiPrefix: v.apiPrefix ?? '',
    proxyUrl: blankToUndefined(v.proxyUrl),
    caPem: blankToUndefined(v.caPem),
    contactSecret: typeof v.contactSecret === 'string' ? v.contactSecret : undefined,
    customerSecret: typeof v.customerSecret === 'string' ? v.customerSecret : undefined,
  };
}

/**
 * Field errors from the same zod schema the core uses (CorpCreateInput, which also refuses the public API base
 * for 私有化部署 / 政务微信). Edits are checked with it too: an update is a create-shaped corp plus secret intents.
 */
export function fieldErrors(v: CorpFormValues): Partial<Record<CorpField, string>> {
  const r = CorpCreateInput.safeParse(createShape(v));
  if (r.success) return {};
  return firstIssuePerField(r.error);
}

function firstIssuePerField(error: z.ZodError): Partial<Record<CorpField, string>> {
  const out: Partial<Record<CorpField, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as CorpField | undefined;
    if (field && !out[field]) out[field] = issue.message;
  }
  return out;
}

export function toCreateInput(v: CorpFormValues): In<'corps.create'> {
  return createShape(v);
}

/** Sends every visible field (clearing proxy/CA when emptied) and only the secret changes the admin made. */
export function toUpdateInput(corpId: string, v: CorpFormValues): In<'corps.update'> {
  const input: In<'corps.update'> = {
    corpId,
    name: v.name,
    corpid: v.corpid,
    kind: v.kind,
    apiBase: v.apiBase,
    apiPrefix: v.apiPrefix,
    proxyUrl: blankToUndefined(v.proxyUrl) ?? null,
    caPem: blankToUndefined(v.caPem) ?? null,
  };
  if (v.contactSecret !== undefined) input.contactSecret = v.contactSecret;
  if (v.customerSecret !== undefined) input.customerSecret = v.customerSecret;
  return input;
}

export const advancedFields: CorpField[] = ['apiPrefix', 'proxyUrl', 'caPem'];
