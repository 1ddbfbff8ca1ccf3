// The shared zod schemas (main/api/schemas.ts) carry Chinese messages; English users get these.
// Unknown messages fall through unchanged, so a new schema rule is never hidden, only untranslated.
const en: Record<string, string> = {
  'CorpID 只能是 1–64 位字母和数字（【我的企业】 → 企业ID）': 'CorpID is 1–64 letters and digits (My Company → Company ID)',
  'API服务地址 必须是 http:// 或 https:// 开头的完整地址': 'The API base must be a full address starting with http:// or https://',
  'API服务地址不能带查询参数': 'The API base cannot have a query string',
  'API 路径前缀形如 /cgi-bin': 'The API path prefix looks like /cgi-bin',
  'HTTP 代理 必须是 http:// 或 https:// 开头的完整地址': 'The HTTP proxy must be a full address starting with http:// or https://',
  'CA 证书文件过大（上限 64 KB）': 'The CA certificate is too large (64 KB at most)',
  '不是 PEM 格式的 CA 证书': 'Not a PEM CA certificate',
  'Secret 不能为空': 'The secret cannot be empty',
  'Secret 过长': 'The secret is too long',
  '企业名称必填': 'The corp name is required',
  '企业名称最多 64 个字符': 'The corp name has at most 64 characters',
  '私有化部署的企业微信需要修改API服务地址': 'A private WeCom deployment needs its own API base',
  'AgentID 是整数': 'The AgentID is an integer',
  'AgentID 是正整数': 'The AgentID is a positive integer',
  'AgentID 超出范围': 'The AgentID is out of range',
  '应用名称必填': 'The app name is required',
  '应用名称最多 64 个字符': 'The app name has at most 64 characters',
  '云桥对外域名 必须是 http:// 或 https:// 开头的完整地址':
    'The external address must be a full address starting with http:// or https://',
  '云桥对外域名只填协议、主机和端口，例如 https://bridge.example.com 或 http://10.1.2.3:8088':
    'The external address is scheme, host and port only, e.g. https://bridge.example.com or http://10.1.2.3:8088',
};

export function schemaMessage(message: string, lang: string): string {
  return lang === 'en-US' ? (en[message] ?? message) : message;
}
