// Delivers events to the configured callback URLs the way WeCom does: encrypted XML envelope, msg_signature/
// timestamp/nonce in the query, HTTP 200 = accepted, 5 s timeout, 3 attempts in total. Deliveries are queued and
// sent one at a time in order, so a receiver sees changes in the order they happened.
import { randomInt } from 'node:crypto';
import { request } from 'undici';
import { callbackSignature, encryptCallbackMessage } from './callback-crypto';
import { batchJobResultXml, cdata, contactChangeXml, externalContactXml } from './callback-events';
import type { SimState } from './sim-state';
import type { CallbackTarget, ContactChange, ExternalContactChange } from './types';

export interface DeliveryRecord {
  at: number;
  url: string;
  event: string;
  ok: boolean;
  attempts: number;
  status: number | null;
  error: string | null;
}

const ATTEMPTS = 3;
const TIMEOUT_MS = 5000;
const LOG_SIZE = 200;

export class CallbackDispatcher {
  /** Most recent deliveries, newest last. */
  readonly log: DeliveryRecord[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private closed = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly state: () => SimState,
    private readonly now: () => number,
    private readonly retryDelayMs = 500,
  ) {}

  contactChanges(changes: ContactChange[]): void {
    const s = this.state();
    const target = s.settings.callbacks.contact;
    if (!target) return;
    for (const c of changes) {
      const xml = contactChangeXml(s.corp.corpid, this.createTime(), c, target.fullFields);
      if (xml) this.enqueue(target, xml, `change_contact/${c.kind}`);
    }
  }

  externalContactChange(change: ExternalContactChange): void {
    const s = this.state();
    const target = s.settings.callbacks.customer ?? s.settings.callbacks.contact;
    if (!target) return;
    this.enqueue(target, externalContactXml(s.corp.corpid, this.createTime(), change), `change_external_contact/${change.kind}`);
  }

  batchJobResult(job: { jobid: string; type: string; errcode: number; errmsg: string }, override: CallbackTarget | null): void {
    const s = this.state();
    const target = override ?? s.settings.callbacks.contact;
    if (!target) return;
    this.enqueue(target, batchJobResultXml(s.corp.corpid, this.createTime(), job), 'batch_job_result');
  }

  /** Resolves once every queued delivery has finished (delivered or given up). */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.queue;
  }

  /** Stops delivering: in-flight requests are aborted, queued ones dropped. */
  async close(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    await this.idle();
  }

  /**
   * The check WeCom makes when the admin saves a callback URL: GET with an encrypted `echostr`, expecting the
   * decrypted plaintext back (within 1 s, no quotes, BOM or newline).
   */
  async verify(target: CallbackTarget): Promise<{ ok: boolean; detail: string }> {
    const corpid = this.state().corp.corpid;
    const plain = String(randomInt(1_000_000_000, 9_000_000_000));
    const echostr = encryptCallbackMessage(target.encodingAESKey, plain, corpid);
    const timestamp = String(this.createTime());
    const nonce = String(randomInt(100_000_000, 2_000_000_000));
    const url = new URL(target.url);
    url.searchParams.set('msg_signature', callbackSignature(target.token, timestamp, nonce, echostr));
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('nonce', nonce);
    url.searchParams.set('echostr', echostr);
    try {
      const res = await request(url, { method: 'GET', headersTimeout: 1000, bodyTimeout: 1000, signal: this.abort.signal });
      const text = await res.body.text();
      if (res.statusCode !== 200) return { ok: false, detail: `HTTP ${res.statusCode}` };
      return text === plain ? { ok: true, detail: 'ok' } : { ok: false, detail: `answered ${JSON.stringify(text.slice(0, 64))}, expected ${plain}` };
    } catch (e) {
      return { ok: false, detail: e instanceof Error ? e.message : String(e) };
    }
  }

  private createTime(): number {
    return Math.floor(this.now() / 1000);
  }

  private enqueue(target: CallbackTarget, xml: string, event: string): void {
    if (this.closed) return;
    const corpid = this.state().corp.corpid;
    this.pending++;
    this.queue = this.queue
      .then(() => this.deliver(target, corpid, xml, event))
      .catch(() => undefined)
      .finally(() => {
        this.pending--;
      });
  }

  private async deliver(target: CallbackTarget, corpid: string, xml: string, event: string): Promise<void> {
    const encrypt = encryptCallbackMessage(target.encodingAESKey, xml, corpid);
    const timestamp = String(this.createTime());
    const nonce = String(randomInt(100_000_000, 2_000_000_000));
    const url = new URL(target.url);
    url.searchParams.set('msg_signature', callbackSignature(target.token, timestamp, nonce, encrypt));
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('nonce', nonce);
    const body = `<xml><ToUserName>${cdata(corpid)}</ToUserName><AgentID>${cdata('')}</AgentID><Encrypt>${cdata(encrypt)}</Encrypt></xml>`;
    const record: DeliveryRecord = { at: this.now(), url: target.url, event, ok: false, attempts: 0, status: null, error: null };
    for (let attempt = 1; attempt <= ATTEMPTS && !this.closed; attempt++) {
      record.attempts = attempt;
      try {
        const res = await request(url, {
          method: 'POST',
          headers: { 'content-type': 'text/xml; charset=utf-8' },
          body,
          headersTimeout: TIMEOUT_MS,
          bodyTimeout: TIMEOUT_MS,
          signal: this.abort.signal,
        });
        await res.body.text();
        record.status = res.statusCode;
        if (res.statusCode === 200) {
          record.ok = true;
          record.error = null;
          break;
        }
        record.error = `HTTP ${res.statusCode}`;
      } catch (e) {
        record.error = e instanceof Error ? e.message : String(e);
      }
      if (attempt < ATTEMPTS && !this.closed) await new Promise((r) => setTimeout(r, this.retryDelayMs * attempt));
    }
    this.log.push(record);
    if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
  }
}
