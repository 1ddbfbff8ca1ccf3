// F0.2 network diagnostics: DNS, TCP, TLS and a bare gettoken against the corp's API base, the trusted-IP
// check with the contact secret, and the inbound /healthz of the external address.
import { lookup } from 'node:dns/promises';
import { isIP, connect as tcpConnect } from 'node:net';
import { connect as tlsConnect, rootCertificates } from 'node:tls';
import { request } from 'undici';
import { z } from 'zod';
import type { DiagReport, DiagStep } from '../api/schemas';
import type { JobContext } from '../jobs/job-runner';
import type { CorpRecord } from '../store/corps-repo';
import { exchange } from '../wecom/client';
import { callerIpFromErrmsg, explainErrcode } from '../wecom/errcodes';
import { describeNetworkFailure, WeComError } from '../wecom/wecom-error';
import { endpointOf, type WeComClients } from './wecom-clients';

const STEP_TIMEOUT_MS = 5000;

async function timed(step: DiagStep['step'], fn: () => Promise<string>): Promise<DiagStep> {
  const t0 = performance.now();
  try {
    const detail = await fn();
    return { step, status: 'ok', ms: Math.round(performance.now() - t0), detail };
  } catch (e) {
    return { step, status: 'fail', ms: Math.round(performance.now() - t0), detail: e instanceof Error && !(e as { code?: string }).code ? e.message : describeNetworkFailure(e) };
  }
}

const skipped = (step: DiagStep['step'], detail: string): DiagStep => ({ step, status: 'skipped', ms: null, detail });

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((_, rej) => {
    timer = setTimeout(() => rej(Object.assign(new Error(`${what}超时`), { code: 'ETIMEDOUT' })), STEP_TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export async function runDiagnostics(
  corp: CorpRecord,
  deps: { clients: WeComClients; externalAddress: string | null },
  ctx: Pick<JobContext, 'progress' | 'signal'>,
): Promise<DiagReport> {
  const url = new URL(corp.apiBase);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const steps: DiagStep[] = [];
  const total = 6;
  const next = (s: DiagStep) => {
    steps.push(s);
    ctx.progress(s.step, steps.length, total);
  };
  const viaProxy = !!corp.proxyUrl;

  if (viaProxy) next(skipped('dns', `经代理 ${new URL(corp.proxyUrl!).host} 访问，由代理解析`));
  else if (isIP(host)) next(skipped('dns', 'API服务地址是 IP，无需解析'));
  else next(await timed('dns', async () => (await withTimeout(lookup(host, { all: true }), 'DNS 解析')).map((a) => a.address).join(', ')));

  const dnsFailed = steps[0].status === 'fail';
  if (viaProxy) next(skipped('tcp', '经代理访问，跳过直连检测'));
  else if (dnsFailed) next(skipped('tcp', 'DNS 失败，跳过'));
  else
    next(
      await timed('tcp', () =>
        withTimeout(
          new Promise<string>((resolve, reject) => {
            const s = tcpConnect({ host, port }, () => {
              s.destroy();
              resolve(`${host}:${port} 可连接`);
            });
            s.on('error', reject);
          }),
          'TCP 连接',
        ),
      ),
    );

  const tcpOk = steps[1].status === 'ok';
  if (url.protocol !== 'https:') next(skipped('tls', 'http 地址，无 TLS'));
  else if (viaProxy || !tcpOk) next(skipped('tls', viaProxy ? '经代理访问，跳过直连检测' : 'TCP 未连通，跳过'));
  else
    next(
      await timed('tls', () =>
        withTimeout(
          new Promise<string>((resolve, reject) => {
            const ca = corp.caPem ? [...rootCertificates, corp.caPem] : undefined;
            const s = tlsConnect({ host, port, servername: isIP(host) ? undefined : host, ca }, () => {
              const cert = s.getPeerCertificate();
              const proto = s.getProtocol();
              s.destroy();
              resolve(`${proto ?? 'TLS'}，证书 ${cert.subject?.CN ?? '?'}，签发者 ${cert.issuer?.O ?? cert.issuer?.CN ?? '?'}，有效期至 ${cert.valid_to ?? '?'}`);
            });
            s.on('error', reject);
          }),
          'TLS 握手',
        ),
      ),
    );

  let egressIp: string | null = null;
  const gettoken = await timed('gettoken', async () => {
    const env = await exchange(endpointOf(corp), 'GET', 'gettoken', {}, undefined, STEP_TIMEOUT_MS, ctx.signal);
    egressIp = callerIpFromErrmsg(env.errmsg);
    return `收到企业微信 JSON 回复（errcode ${env.errcode}）：网络正常`;
  });
  next(gettoken);

  let ipNotTrusted = false;
  if (!corp.contactSecretSealed) next(skipped('trustedIp', '未填写【通讯录密钥】，跳过可信 IP 检测'));
  else if (gettoken.status !== 'ok') next(skipped('trustedIp', '网络不通，跳过'));
  else {
    const t0 = performance.now();
    let status: DiagStep['status'] = 'ok';
    let detail = '通讯录密钥可以从本机调用通讯录接口';
    try {
      await deps.clients.forCorpSecret(corp, 'contact').post('user/list_id', { limit: 1 }, z.unknown(), { signal: ctx.signal });
    } catch (e) {
      status = 'fail';
      if (e instanceof WeComError) {
        const x = explainErrcode(e.errcode, { lang: 'zh-CN', secretKind: 'contact', errmsg: e.errmsg });
        detail = `${x.message}（errcode ${e.errcode}）${x.action}`;
        ipNotTrusted = e.errcode === 60020 || e.errcode === 48009;
        egressIp = e.callerIp ?? egressIp;
      } else {
        detail = e instanceof Error ? e.message : String(e);
      }
    }
    next({ step: 'trustedIp', status, ms: Math.round(performance.now() - t0), detail });
  }

  if (!deps.externalAddress) next(skipped('inbound', '未配置云桥对外域名'));
  else {
    next(
      await timed('inbound', async () => {
        const res = await request(`${deps.externalAddress}/healthz`, { headersTimeout: STEP_TIMEOUT_MS, bodyTimeout: STEP_TIMEOUT_MS });
        await res.body.dump();
        if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}：该地址不是本机的云桥监听`);
        return '本机可访问（不代表企业微信服务器可访问）';
      }),
    );
  }

  const networkOk = gettoken.status === 'ok';
  const verdict: DiagReport['verdict'] = !networkOk ? 'network_fail' : ipNotTrusted ? 'ip_not_trusted' : 'ok';
  const verdictText =
    verdict === 'ok'
      ? '网络正常：本机可以访问企业微信 API'
      : verdict === 'ip_not_trusted'
        ? `网络正常，但出口 IP ${egressIp ?? ''} 不在【企业可信IP】中：请在【管理工具】 → 【通讯录同步】 → 企业可信IP 添加，并在各应用的【开发者接口】 → 【企业可信IP】添加`
        : `无法访问企业微信 API（${corp.apiBase}）：${gettoken.detail}`;
  const base = `${corp.apiBase}${corp.apiPrefix}`;
  return {
    corpId: corp.id,
    apiBase: corp.apiBase,
    host,
    steps,
    verdict,
    verdictText,
    egressIp,
    allowList: [`${url.host}${url.port ? '' : `:${port}`}`],
    manualChecks: [`ping ${host}`, `curl "${base}/gettoken"`, `${base}/gettoken （在浏览器中打开，应看到含 errcode 的 JSON）`],
  };
}
