import { callerIpFromErrmsg, explainErrcode, type Lang, type RetryPolicy, type SecretKind } from './errcodes';

/** A non-zero errcode from WeCom, with the explanation and admin action from the errcode table. */
export class WeComError extends Error {
  readonly code = 'wecom';
  readonly errcode: number;
  readonly errmsg: string;
  readonly path: string;
  readonly secretKind: SecretKind;
  readonly callerIp: string | null;
  readonly retry: RetryPolicy;

  constructor(errcode: number, errmsg: string, path: string, secretKind: SecretKind) {
    const zh = explainErrcode(errcode, { lang: 'zh-CN', secretKind, errmsg });
    super(`${zh.message}（errcode ${errcode}）`);
    this.errcode = errcode;
    this.errmsg = errmsg;
    this.path = path;
    this.secretKind = secretKind;
    this.callerIp = callerIpFromErrmsg(errmsg);
    this.retry = zh.retry;
  }

  explain(lang: Lang): { message: string; action: string } {
    const e = explainErrcode(this.errcode, { lang, secretKind: this.secretKind, errmsg: this.errmsg });
    return { message: `${e.message} (errcode ${this.errcode})`, action: e.action };
  }
}

/** WeCom could not be reached or answered something that is not its JSON envelope. */
export class WeComNetworkError extends Error {
  readonly code = 'network';
  constructor(
    message: string,
    readonly path: string,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

export function describeNetworkFailure(e: unknown): string {
  const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err?.cause?.code ?? err?.code ?? '';
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return '域名无法解析（DNS）：检查本机 DNS 设置或 API服务地址';
    case 'ECONNREFUSED':
      return '连接被拒绝：该地址端口没有服务在监听，检查 API服务地址和端口';
    case 'ECONNRESET':
      return '连接被对方重置：检查防火墙或代理';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return '连接或响应超时：检查网络连通性、防火墙出站规则或代理';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'TLS 证书不受信任：私有化部署请在企业设置中上传自定义 CA 证书';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'CERT_HAS_EXPIRED':
      return 'TLS 证书与主机名不符或已过期：检查 API服务地址是否与证书一致';
    default:
      return `网络错误：${code || err?.message || String(e)}`;
  }
}
