// App messages (应用消息): send, recall, update_template_card — wecom-api.md §3.
// Secret: the sending app's own secret (another app's token → 301002; the contacts-sync secret → 48002).
// Sends are never retried: WeCom may have delivered a message whose reply was lost, and people notice doubles.
import { z } from 'zod';
import type { WeComClient } from '../client';
import { IdList, isWeComError, Ok } from './common';
import { assertValidMessage, planSendBatches, type MessageContent, type Recipients, type SendBatch, type SendSettings } from './message-rules';

export * from './message-rules';

const SendReply = z.object({
  invaliduser: IdList,
  invalidparty: IdList,
  invalidtag: IdList,
  unlicenseduser: IdList,
  msgid: z.string().default(''),
  response_code: z.string().optional(),
});

export interface SendResult {
  /** One per call that WeCom accepted (a recall needs each of them). */
  msgids: string[];
  /** Interactive template cards: one per call, for update_template_card. */
  responseCodes: string[];
  /** Lower-cased by WeCom. */
  invaliduser: string[];
  invalidparty: string[];
  invalidtag: string[];
  /** Members without an account licence: not delivered. */
  unlicenseduser: string[];
}

/** Some calls of a split send went through and one failed: `sent` is what reached WeCom, nothing was resent. */
export class PartialSendError extends Error {
  readonly code = 'wecom_partial_send';
  constructor(
    readonly sent: SendResult,
    /** 0-based position of the failed batch. */
    readonly index: number,
    /** The batch that failed (delivery unknown when the failure was a network error). */
    readonly failed: SendBatch,
    /** Batches not attempted. */
    readonly pending: SendBatch[],
    cause: unknown,
  ) {
    super(`消息只发送了一部分：第 ${index + 1} 批失败（${cause instanceof Error ? cause.message : String(cause)}），其余 ${pending.length} 批未发送`, { cause });
  }
}

export interface SendInput {
  agentid: number;
  to: Recipients;
  message: MessageContent;
  settings?: SendSettings;
}

const split = (s: string | undefined) => (s ? s.split('|') : []);

/**
 * message/send, with WeCom's length limits checked first and recipients split into calls of ≤ 1000 users /
 * 100 departments / 100 tags. Invalid recipients of all calls are merged. A call whose recipients are all invalid
 * (81013) counts them as invalid and the send goes on; only when every call is 81013 is the error thrown.
 */
export async function sendMessage(client: WeComClient, input: SendInput, o: { signal?: AbortSignal } = {}): Promise<SendResult> {
  assertValidMessage(input.message, input.settings);
  const batches = planSendBatches(input.to);
  const out: SendResult = { msgids: [], responseCodes: [], invaliduser: [], invalidparty: [], invalidtag: [], unlicenseduser: [] };
  let allInvalid: unknown = null;
  for (let i = 0; i < batches.length; i++) {
    const b = batches[i];
    const body = { ...b, agentid: input.agentid, ...input.settings, ...input.message };
    try {
      const r = await client.post('message/send', body, SendReply, { ...o, idempotent: false });
      if (r.msgid) out.msgids.push(r.msgid);
      if (r.response_code) out.responseCodes.push(r.response_code);
      out.invaliduser.push(...r.invaliduser);
      out.invalidparty.push(...r.invalidparty);
      out.invalidtag.push(...r.invalidtag);
      out.unlicenseduser.push(...r.unlicenseduser);
    } catch (e) {
      if (isWeComError(e, 81013)) {
        out.invaliduser.push(...split(b.touser).map((u) => u.toLowerCase()));
        out.invalidparty.push(...split(b.toparty));
        out.invalidtag.push(...split(b.totag));
        allInvalid = e;
        continue;
      }
      if (out.msgids.length === 0) throw e;
      throw new PartialSendError(out, i, b, batches.slice(i + 1), e);
    }
  }
  if (out.msgids.length === 0 && allInvalid) throw allInvalid;
  return out;
}

/** message/recall: only within 24 h (42052) and only by the app that sent it (40058). */
export async function recallMessage(client: WeComClient, msgid: string, o: { signal?: AbortSignal } = {}): Promise<void> {
  await client.post('message/recall', { msgid }, Ok, o);
}

export interface TemplateCardUpdate {
  agentid: number;
  /** From the interactive card's send reply or its callback; single use, 72 h. */
  response_code: string;
  userids?: string[];
  partyids?: number[];
  tagids?: number[];
  /** 1 = everyone who received the card. */
  atall?: 0 | 1;
  /** Replace the buttons by one grey button with this text… */
  button?: { replace_name: string };
  /** …or replace the whole card. */
  template_card?: Record<string, unknown>;
}

/** message/update_template_card → invalid userids (if any). */
export async function updateTemplateCard(client: WeComClient, input: TemplateCardUpdate, o: { signal?: AbortSignal } = {}): Promise<{ invaliduser: string[] }> {
  const r = await client.post('message/update_template_card', input, z.object({ invaliduser: IdList }), o);
  return { invaliduser: r.invaliduser };
}
