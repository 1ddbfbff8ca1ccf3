// WeCom (企业微信) errcode table: Chinese and English explanations, the admin's next step and the retry policy.
// Source: shared/wecom-api.md §9 (Doc 90313) plus the codes quoted elsewhere in that file; product wording from
// SPEC.md (F0.2, F1.1, F2.2, F4.1, F5.3, F7.1, F8.1).
// PURE module: no Node imports — the React renderer imports it too.

export type Lang = 'zh-CN' | 'en-US';
export type SecretKind = 'app' | 'contact' | 'customer' | 'checkin' | 'archive';
/** How the client should react: refresh token and retry once, back off and retry, retry a few times, or not retry. */
export type RetryPolicy = 'refreshToken' | 'backoff' | 'retry' | 'never';
export interface ErrcodeInfo {
  zh: string;
  en: string;
  actionZh: string;
  actionEn: string;
  retry: RetryPolicy;
}

// ---------------------------------------------------------------------------------------------------------------
// Admin-console paths (Chinese menu terms as shown in the WeCom admin console; English gloss in brackets)

const PATH = {
  corpId: { zh: '「【我的企业】 → 企业ID」', en: '「【我的企业】 → 企业ID」 (My Company → Corp ID)' },
  trustedIpApp: {
    zh: '「【应用管理】 → 应用 → 【开发者接口】 → 【企业可信IP】」',
    en: '「【应用管理】 → 应用 → 【开发者接口】 → 【企业可信IP】」 (App Management → the app → Developer API → Trusted IPs)',
  },
  trustedIpContact: {
    zh: '「【管理工具】 → 【通讯录同步】 → 企业可信IP」',
    en: '「【管理工具】 → 【通讯录同步】 → 企业可信IP」 (Management Tools → Contacts Sync → Trusted IPs)',
  },
  trustedDomain: {
    zh: '「【应用管理】 → 应用 → 【网页授权及JS-SDK】 → 【设置可信域名】」',
    en: '「【应用管理】 → 应用 → 【网页授权及JS-SDK】 → 【设置可信域名】」 (App Management → the app → Web authorization & JS-SDK → Trusted domain)',
  },
  customerApps: {
    zh: '「【客户与上下游】 → 【客户】 → API → 可调用接口的应用」',
    en: '「【客户与上下游】 → 【客户】 → API → 可调用接口的应用」 (Customers & partners → Customers → API → apps allowed to call the API)',
  },
  checkinApps: {
    zh: '「【应用管理】 → 打卡 → API → 可调用接口的应用 → 【设置】」',
    en: '「【应用管理】 → 打卡 → API → 可调用接口的应用 → 【设置】」 (App Management → Check-in → API → apps allowed to call the API → Settings)',
  },
  archive: {
    zh: '「【管理工具】 → 【会话内容存档】」',
    en: '「【管理工具】 → 【会话内容存档】」 (Management Tools → Chat archive)',
  },
} as const;

/** Where each kind of secret is found in the admin console. */
const SECRET_PATH: Record<SecretKind, { zh: string; en: string }> = {
  app: {
    zh: '「【应用管理】 → 应用 → Secret」',
    en: '「【应用管理】 → 应用 → Secret」 (App Management → the app → Secret)',
  },
  contact: {
    zh: '「【管理工具】 → 【通讯录同步】 → Secret」',
    en: '「【管理工具】 → 【通讯录同步】 → Secret」 (Management Tools → Contacts Sync → Secret)',
  },
  customer: {
    zh: '「【客户与上下游】 → 【客户】 → API → Secret」',
    en: '「【客户与上下游】 → 【客户】 → API → Secret」 (Customers & partners → Customers → API → Secret)',
  },
  checkin: { zh: '「【应用管理】 → 打卡 → API」', en: '「【应用管理】 → 打卡 → API」 (App Management → Check-in → API)' },
  archive: {
    zh: '「【管理工具】 → 【会话内容存档】」中的【消息存档同步Secret】',
    en: 'the archive secret in 「【管理工具】 → 【会话内容存档】」 (Management Tools → Chat archive)',
  },
};

const REPORT_ZH = '这是云桥调用方式的问题，请把此错误信息反馈给技术支持。';
const REPORT_EN = 'This points to a problem in how WeCom Bridge called the API; please report this message to support.';

function e(zh: string, en: string, actionZh: string, actionEn: string, retry: RetryPolicy = 'never'): ErrcodeInfo {
  return Object.freeze({ zh, en, actionZh, actionEn, retry });
}

// ---------------------------------------------------------------------------------------------------------------
// The table

const TABLE: Record<number, ErrcodeInfo> = {
  // --- general / token -----------------------------------------------------------------------------------------
  [-1]: e(
    '企业微信系统繁忙',
    'WeCom is busy',
    '云桥会自动重试（最多 3 次）；若仍失败，请稍后再试。',
    'WeCom Bridge retries automatically (up to 3 times); if it still fails, try again later.',
    'retry',
  ),
  0: e('请求成功', 'OK', '无需处理。', 'No action needed.'),
  40001: e(
    'Secret 无效（invalid credential）：CorpID 与 Secret 不匹配、Secret 已被重置，或应用已停用',
    'Invalid secret ("invalid credential"): the CorpID and Secret do not match, the Secret was reset, or the app is disabled',
    '核对 CorpID 与 Secret 属于同一企业、同一应用；若在管理后台重置过 Secret，请重新复制填写；并确认应用未停用。注意：反复使用错误的 Secret 会让本机 IP 被封禁 1 小时。',
    'Check that the CorpID and Secret belong to the same company and app; if the Secret was reset in the admin console, copy it again; make sure the app is enabled. Repeated wrong secrets get this IP blocked for 1 hour.',
    'refreshToken',
  ),
  40013: e(
    '无效的 CorpID',
    'Invalid CorpID',
    `在企业微信管理后台${PATH.corpId.zh}复制 CorpID，重新填写到【企业微信集成】。`,
    `Copy the Corp ID from ${PATH.corpId.en} in the WeCom admin console and enter it again under 【企业微信集成】 (WeCom integration).`,
  ),
  40014: e(
    'access_token 无效（invalid access_token）',
    'Invalid access_token',
    '云桥会重新获取 access_token 并重试一次；若仍失败，请检查所用 Secret 是否适用于该功能。',
    'WeCom Bridge fetches a new access_token and retries once; if it still fails, check that the secret in use is the right one for this feature.',
    'refreshToken',
  ),
  40091: e(
    'Secret 无效',
    'Invalid secret',
    '到企业微信管理后台重新复制 Secret 并填写（注意不要带空格）；反复使用错误的 Secret 会让本机 IP 被封禁 1 小时。',
    'Copy the Secret again from the WeCom admin console (without spaces). Repeated wrong secrets get this IP blocked for 1 hour.',
  ),
  41001: e('缺少 access_token', 'access_token missing', REPORT_ZH, REPORT_EN),
  41002: e(
    '缺少 CorpID（网络诊断中出现此错误说明网络已连通）',
    'CorpID missing (seen in network diagnostics, this means the network is reachable)',
    '在【企业微信集成】中填写 CorpID。',
    'Enter the CorpID under 【企业微信集成】 (WeCom integration).',
  ),
  41004: e(
    '缺少 Secret',
    'Secret missing',
    '填写对应功能的 Secret 后再试。',
    'Enter the Secret for this feature and try again.',
  ),
  42001: e(
    'access_token 已过期',
    'access_token expired',
    '云桥会自动刷新 access_token 并重试，无需处理。',
    'WeCom Bridge refreshes the access_token and retries automatically; no action needed.',
    'refreshToken',
  ),
  42009: e('suite_access_token 已过期（第三方应用）', 'suite_access_token expired (third-party apps)', REPORT_ZH, REPORT_EN),
  40082: e('无效的 suite_token（第三方应用）', 'Invalid suite_token (third-party apps)', REPORT_ZH, REPORT_EN),
  40035: e(
    '参数不合法',
    'Invalid parameter',
    REPORT_ZH,
    REPORT_EN,
  ),
  40058: e(
    '参数不合法：内容超长、缺少必填项或格式错误',
    'Invalid parameter: too long, a required field missing or a malformed value',
    '按错误信息中提示的字段修改内容（例如缩短消息）；撤回消息只能由发送该消息的应用操作。若无法判断原因，请反馈技术支持。',
    'Fix the field named in the error (e.g. shorten the message); a message can only be recalled by the app that sent it. If unclear, report it to support.',
  ),
  40063: e('参数为空', 'Parameter empty', REPORT_ZH, REPORT_EN),
  45009: e(
    '接口调用频率超限（api freq out of limit）',
    'API call frequency limit reached ("api freq out of limit")',
    '云桥会降速后自动重试；若经常出现，请把定时任务错开整点和半点，或减少同时运行的任务。',
    'WeCom Bridge slows down and retries automatically; if it happens often, schedule jobs away from :00 and :30 or run fewer jobs at once.',
    'backoff',
  ),
  45033: e(
    '接口并发调用超限',
    'Too many concurrent calls to this API',
    '云桥会降低并发后自动重试；若经常出现，请减少同时运行的任务。',
    'WeCom Bridge lowers parallelism and retries automatically; if it happens often, run fewer jobs at once.',
    'backoff',
  ),
  45024: e(
    '帐号数量已达企业上限',
    'The company has reached its account quota',
    '在企业微信管理后台完成企业验证或扩容后再添加成员。',
    'Verify the company or raise its quota in the WeCom admin console, then add members again.',
  ),
  45029: e(
    '返回的数据过大',
    'The reply is too large',
    '请按部门分别拉取（不要一次获取全部子部门）；若仍出现，请反馈技术支持。',
    'Pull department by department (not the whole subtree at once); if it persists, report it to support.',
  ),

  // --- permissions, trusted IP, trusted domain -----------------------------------------------------------------
  48002: e(
    '该 Secret 无权调用此接口（Secret 类型不对）',
    'This secret may not call this API (wrong kind of secret)',
    '按功能使用对应的 Secret：修改通讯录用【通讯录密钥】，发消息和网页登录用应用 Secret，客户联系用客户联系 Secret 或已授权的自建应用，打卡用打卡 Secret 或已授权的自建应用。',
    'Use the secret that matches the feature: the contacts-sync secret to change contacts, an app secret for messages and web login, the customer-contact secret (or an authorised self-built app) for customers, the check-in secret (or an authorised self-built app) for attendance.',
  ),
  48009: e(
    '通讯录同步助手不允许从新 IP 调用此接口（api forbidden for contact assistant；2022-08-15 起新 IP 受限）',
    'The contacts-sync assistant may not call this API from a new IP ("api forbidden for contact assistant"; new IPs restricted since 2022-08-15)',
    `把本机出口公网 IP 加入${PATH.trustedIpContact.zh}，约 1 分钟后生效，再重试。`,
    `Add this machine's public egress IP to ${PATH.trustedIpContact.en}; it applies after about 1 minute, then retry.`,
  ),
  50001: e(
    '重定向地址不在可信域名内',
    'The redirect URL is not on a trusted domain',
    `重定向地址的域名（含端口）须与${PATH.trustedDomain.zh}中的可信域名完全一致；通讯录密钥不能用于网页登录。`,
    `The redirect URL's host (port included) must exactly match the trusted domain set in ${PATH.trustedDomain.en}; the contacts-sync secret cannot be used for web login.`,
  ),
  60011: e(
    '无权限操作该成员、部门或标签（no privilege）',
    'No permission for this member, department or tag ("no privilege")',
    '确认对象在所选应用的可见范围内；修改通讯录须使用【通讯录密钥】并把【接口权限】设为【读写】。',
    'Make sure the object is inside the chosen app\'s visible range; changing contacts needs the 【通讯录密钥】 (contacts-sync secret) with 【接口权限】 set to 【读写】 (read-write).',
  ),
  60020: e(
    '调用方 IP 不在【企业可信IP】中（not allow to access from your ip）',
    'The caller IP is not in the company\'s trusted IPs ("not allow to access from your ip")',
    `把本机出口公网 IP 加入对应 Secret 的【企业可信IP】：应用 Secret 在${PATH.trustedIpApp.zh}，通讯录密钥在${PATH.trustedIpContact.zh}；约 1 分钟后生效，再重试。`,
    `Add this machine's public egress IP to the trusted IPs of the secret in use: for an app secret ${PATH.trustedIpApp.en}, for the contacts-sync secret ${PATH.trustedIpContact.en}. It applies after about 1 minute, then retry.`,
  ),
  80001: e(
    '可信域名未通过归属或备案校验',
    'The trusted domain failed the ownership / ICP filing check',
    '确认域名已完成 ICP 备案并归属于本企业，再完成【可信域名校验】。',
    'Make sure the domain has an ICP filing and belongs to this company, then complete 【可信域名校验】 (trusted-domain verification).',
  ),
  85004: e(
    '本月可信域名设置次数已达上限（每月 20 次）',
    'Trusted-domain changes for this month are used up (20 per month)',
    '下个月再修改可信域名。',
    'Change the trusted domain next month.',
  ),
  85005: e(
    '可信域名尚未通过校验',
    'The trusted domain has not been verified',
    `在${PATH.trustedDomain.zh}中点击【申请校验域名】，按【可信域名校验】的步骤放置校验文件。`,
    `Click 【申请校验域名】 in ${PATH.trustedDomain.en} and follow 【可信域名校验】 (trusted-domain verification) to publish the verification file.`,
  ),
  301002: e(
    '该 access_token 所属应用与 AgentID 不一致（not allow operate another agent）',
    'The access_token belongs to another app than this AgentID ("not allow operate another agent")',
    '在【应用详情】中填写同一个应用的 AgentID 和 Secret。',
    'Enter the AgentID and Secret of the same app in 【应用详情】 (app details).',
  ),

  // --- apps, menus, OAuth ----------------------------------------------------------------------------------------
  40056: e(
    '无效的 AgentID',
    'Invalid AgentID',
    '核对【应用详情】中的 AgentID 与企业微信后台的应用一致（整数），且应用未被删除。',
    'Check that the AgentID in 【应用详情】 (app details) is the integer shown for the app in the WeCom admin console and the app still exists.',
  ),
  45004: e(
    '应用介绍长度不合法（4–120 个字符）',
    'Invalid app description length (4–120 characters)',
    '把应用介绍改为 4–120 个字符。',
    'Make the app description 4–120 characters long.',
  ),
  40016: e(
    '一级菜单数须为 1–3 个',
    'A menu needs 1–3 top-level buttons',
    '在【配置应用菜单】中把一级菜单调整为 1–3 个。',
    'In 【配置应用菜单】 (app menu) keep 1–3 top-level items.',
  ),
  40018: e(
    '一级菜单名称过长（不超过 16 字节，约 5 个汉字）',
    'Top-level menu name too long (at most 16 bytes, about 5 Chinese characters)',
    '在【配置应用菜单】中缩短一级菜单名称。',
    'Shorten the top-level item name in 【配置应用菜单】 (app menu).',
  ),
  40022: e(
    '菜单最多 2 级',
    'Menus have at most 2 levels',
    '在【配置应用菜单】中去掉第 3 级菜单。',
    'Remove the third level in 【配置应用菜单】 (app menu).',
  ),
  40023: e(
    '子菜单数须为 1–5 个',
    'A submenu needs 1–5 items',
    '在【配置应用菜单】中把每个一级菜单下的子菜单调整为 1–5 个。',
    'In 【配置应用菜单】 (app menu) keep 1–5 items under each top-level item.',
  ),
  40054: e(
    '子菜单链接的域名不是可信域名',
    'Submenu URL is not on a trusted domain',
    `菜单链接须使用${PATH.trustedDomain.zh}中设置的可信域名。`,
    `Menu URLs must use the trusted domain set in ${PATH.trustedDomain.en}.`,
  ),
  40055: e(
    '菜单链接的域名不是可信域名',
    'Menu URL is not on a trusted domain',
    `菜单链接须使用${PATH.trustedDomain.zh}中设置的可信域名。`,
    `Menu URLs must use the trusted domain set in ${PATH.trustedDomain.en}.`,
  ),
  46003: e(
    '应用尚未设置菜单',
    'The app has no menu',
    '如需菜单，请在【配置应用菜单】中创建并保存。',
    'If a menu is wanted, create and save it in 【配置应用菜单】 (app menu).',
  ),
  40029: e(
    '无效的登录 code（invalid code）：code 只能使用一次，5 分钟内有效',
    'Invalid OAuth code ("invalid code"): a code is single-use and valid for 5 minutes',
    '请用户重新从企业微信打开链接登录；若频繁出现，请反馈技术支持。',
    'Ask the user to open the link from WeCom again; if it happens often, report it to support.',
  ),
  40057: e(
    '回调 URL 无效或验证失败',
    'Callback URL invalid or verification failed',
    '确认【云桥对外域名】可从公网访问，且企业微信后台填写的 URL、Token、EncodingAESKey 与云桥显示的一致；可用企业微信「开发调试工具」测试。',
    'Make sure 【云桥对外域名】 (public address) is reachable from the internet and the URL, Token and EncodingAESKey in the WeCom admin console match the ones shown here; WeCom\'s developer debugging tool can test it.',
  ),

  // --- messages and media ----------------------------------------------------------------------------------------
  40007: e(
    '无效的 media_id：素材已过期（3 天有效）或类型不符',
    'Invalid media_id: expired (valid for 3 days) or of the wrong kind',
    '重新上传图片或文件后再发送。',
    'Upload the image or file again and resend.',
  ),
  40032: e(
    '成员列表过长（发消息不超过 1000 人，批量删除不超过 200 人）',
    'Userid list too long (at most 1000 for messages, 200 for batch delete)',
    '减少单次选择的人数，分批操作。',
    'Select fewer people and work in batches.',
  ),
  40074: e(
    '图文消息（news）不能设为保密消息',
    'A news message cannot be sent as a confidential (safe) message',
    '取消保密消息选项后再发送。',
    'Turn off the confidential option and resend.',
  ),
  42052: e(
    '消息已超过 24 小时，不能撤回',
    'The message is older than 24 hours and cannot be recalled',
    '只能撤回 24 小时内发送的消息。',
    'Only messages sent within the last 24 hours can be recalled.',
  ),
  44004: e('文本消息内容为空', 'Text message content is empty', '填写消息内容后再发送。', 'Enter the message text and resend.'),
  45001: e(
    '素材文件过大（图片、视频不超过 10 MB，语音不超过 2 MB，文件不超过 20 MB）',
    'Media file too large (image/video ≤ 10 MB, voice ≤ 2 MB, file ≤ 20 MB)',
    '压缩或更换较小的文件后再发送。',
    'Compress the file or pick a smaller one and resend.',
  ),
  45002: e(
    '消息内容过长（文本和 Markdown 不超过 2048 字节）',
    'Message content too long (text and Markdown at most 2048 bytes)',
    '缩短消息内容，或拆成多条发送。',
    'Shorten the message or split it into several.',
  ),
  45008: e('图文消息超过 8 条', 'More than 8 articles in a news message', '图文消息最多保留 8 条。', 'Keep at most 8 articles.'),
  81013: e(
    '所有接收人均无效（user & party & tag all invalid）',
    'All recipients are invalid ("user & party & tag all invalid")',
    '接收人可能已被删除或不在应用可见范围内：检查接收人，或在企业微信后台扩大应用的可见范围。',
    'The recipients were deleted or are outside the app\'s visible range: check them, or widen the app\'s visible range in the WeCom admin console.',
  ),
  82001: e('接收人为空', 'No recipients', '至少选择一个成员、部门或标签。', 'Pick at least one member, department or tag.'),
  82002: e(
    '接收部门超过 100 个',
    'More than 100 recipient departments',
    '减少接收部门，分批发送。',
    'Pick fewer departments and send in batches.',
  ),
  82003: e('接收标签超过 100 个', 'More than 100 recipient tags', '减少接收标签，分批发送。', 'Pick fewer tags and send in batches.'),

  // --- contacts: members -------------------------------------------------------------------------------------------
  40003: e(
    '无效的 UserID',
    'Invalid UserID',
    '检查该成员的账号（UserID）：须为 1–64 字节，以字母或数字开头，且在企业微信中存在；若账号无误，请反馈技术支持。',
    'Check the member\'s UserID: 1–64 bytes, starting with a letter or digit, and existing in WeCom; if it is correct, report it to support.',
  ),
  40031: e(
    '成员列表无效（all list invalid）',
    'Invalid userid list ("all list invalid")',
    '确认这些成员存在且在应用可见范围内。',
    'Make sure these members exist and are inside the app\'s visible range.',
  ),
  60102: e('UserID 已存在', 'UserID already exists', '换一个账号，或把 OA 成员绑定到已有的企业微信成员。', 'Use another UserID, or bind the OA user to the existing WeCom member.'),
  60103: e(
    '手机号无效（不超过 32 位，只能含数字、+ 和 -）',
    'Invalid mobile number (at most 32 characters of digits, + and -)',
    '在 OA 中修正该成员的手机号。',
    'Fix the member\'s mobile number in the OA directory.',
  ),
  60104: e('手机号已被其他成员使用', 'Mobile number already used by another member', '检查是否重复建人，或修正手机号。', 'Check for a duplicate member or fix the mobile number.'),
  60105: e('邮箱无效', 'Invalid email address', '在 OA 中修正该成员的邮箱（6–64 字节）。', 'Fix the member\'s email in the OA directory (6–64 bytes).'),
  60106: e('邮箱已被其他成员使用', 'Email already used by another member', '检查是否重复建人，或修正邮箱。', 'Check for a duplicate member or fix the email.'),
  60110: e(
    '成员所属部门数超过上限',
    'The member belongs to too many departments',
    '减少该成员所属的部门。',
    'Put the member in fewer departments.',
  ),
  60111: e(
    'UserID 不存在（userid not found）',
    'UserID not found',
    '该成员可能已在企业微信中删除：重新拉取通讯录后再检查绑定关系。',
    'The member may have been deleted in WeCom: pull the directory again and check the binding.',
  ),
  60112: e('成员姓名不合法（1–64 个字符）', 'Invalid member name (1–64 characters)', '在 OA 中修正该成员的姓名或别名。', 'Fix the member\'s name or alias in the OA directory.'),
  60127: e('缺少部门：成员至少要属于一个部门', 'Department missing: a member needs at least one department', '为该成员指定所属部门。', 'Assign the member to a department.'),
  60129: e('手机号和邮箱不能同时为空', 'Mobile and email cannot both be empty', '为该成员填写手机号或邮箱。', 'Give the member a mobile number or an email.'),
  60132: e(
    '「是否部门负责人」与所属部门数量不一致',
    'is_leader_in_dept does not match the member\'s departments',
    REPORT_ZH,
    REPORT_EN,
  ),
  60143: e(
    '邮箱或企业邮箱不符合要求（6–64 字节、格式合法且不能重复）',
    'Email or business email rejected (6–64 bytes, valid and unique)',
    '在 OA 中修正该成员的邮箱或企业邮箱。',
    'Fix the member\'s email or business email in the OA directory.',
  ),
  60144: e(
    '邮箱或企业邮箱不符合要求（6–64 字节、格式合法且不能重复）',
    'Email or business email rejected (6–64 bytes, valid and unique)',
    '在 OA 中修正该成员的邮箱或企业邮箱。',
    'Fix the member\'s email or business email in the OA directory.',
  ),
  60145: e(
    '邮箱或企业邮箱不符合要求（6–64 字节、格式合法且不能重复）',
    'Email or business email rejected (6–64 bytes, valid and unique)',
    '在 OA 中修正该成员的邮箱或企业邮箱。',
    'Fix the member\'s email or business email in the OA directory.',
  ),
  301005: e(
    '不能删除企业创建者',
    'The company creator cannot be deleted',
    '先在企业微信管理后台转让创建者，再删除该成员。',
    'Transfer the creator role in the WeCom admin console first, then delete the member.',
  ),
  301036: e(
    'UserID 不能修改：只有系统自动生成的账号可以修改一次',
    'UserID cannot be changed: only system-generated IDs may be changed, once',
    '保留现有账号，或把 OA 成员绑定到该企业微信成员。',
    'Keep the existing UserID, or bind the OA user to this WeCom member.',
  ),

  // --- contacts: departments -----------------------------------------------------------------------------------
  40066: e('无效的部门列表', 'Invalid department list', '确认所选部门存在；可先重新拉取企业微信通讯录。', 'Make sure the departments exist; pull the WeCom directory again if needed.'),
  60001: e('部门名称长度不合法（1–32 个字符）', 'Invalid department name length (1–32 characters)', '修改部门名称的长度。', 'Change the department name length.'),
  60003: e('部门不存在', 'Department not found', '该部门可能已在企业微信中删除：重新拉取通讯录后再试。', 'It may have been deleted in WeCom: pull the directory again and retry.'),
  60004: e('父部门不存在', 'Parent department not found', '先创建或绑定上级部门，再重新拉取通讯录后重试。', 'Create or bind the parent department first, pull the directory again and retry.'),
  60005: e('部门下还有成员，不能删除', 'The department still has members and cannot be deleted', '先把成员移到其他部门，再删除该部门。', 'Move its members to another department first, then delete it.'),
  60006: e('部门下还有子部门，不能删除', 'The department still has sub-departments and cannot be deleted', '先删除或移走子部门，再删除该部门。', 'Delete or move its sub-departments first, then delete it.'),
  60007: e('不能删除根部门', 'The root department cannot be deleted', '根部门不可删除。', 'The root department cannot be deleted.'),
  60008: e('部门 ID 或名称已存在', 'Department ID or name already exists', '换一个部门名称，或把 OA 部门绑定到已有的企业微信部门。', 'Use another name, or bind the OA department to the existing WeCom department.'),
  60009: e(
    '部门名称含有非法字符（\\ : * ? " < > |）',
    'Department name contains forbidden characters (\\ : * ? " < > |)',
    '去掉部门名称中的这些字符。',
    'Remove these characters from the department name.',
  ),
  60010: e('部门层级出现循环', 'Department hierarchy would form a cycle', '不能把部门移到它自己的下级部门中。', 'A department cannot be moved under one of its own sub-departments.'),
  60123: e('无效的部门 ID', 'Invalid department ID', '重新拉取通讯录后检查部门绑定。', 'Pull the directory again and check the department binding.'),
  60124: e('无效的父部门 ID', 'Invalid parent department ID', '重新拉取通讯录后检查上级部门的绑定。', 'Pull the directory again and check the parent department\'s binding.'),
  60125: e(
    '部门名称不合法（不超过 64 字节，不能含 \\ : * ? " < > |）',
    'Invalid department name (at most 64 bytes, none of \\ : * ? " < > |)',
    '修改部门名称。',
    'Change the department name.',
  ),
  81001: e('部门下的节点超过 30000 个', 'More than 30,000 nodes under one department', '把成员或子部门分散到其他部门。', 'Spread the members or sub-departments over other departments.'),
  81002: e('部门层级超过 15 级', 'Department tree deeper than 15 levels', '调整组织架构，使层级不超过 15 级。', 'Restructure so the tree has at most 15 levels.'),

  // --- contacts: tags -------------------------------------------------------------------------------------------
  40068: e('无效的标签 ID', 'Invalid tag ID', '该标签可能已被删除：重新拉取标签后再试。', 'The tag may have been deleted: reload the tags and retry.'),
  40070: e(
    '标签的成员和部门全部无效（all list invalid）',
    'All tag members and departments are invalid ("all list invalid")',
    '确认所选成员和部门存在且在可见范围内。',
    'Make sure the selected members and departments exist and are inside the visible range.',
  ),
  40071: e('标签名已存在', 'Tag name already exists', '换一个标签名称。', 'Use another tag name.'),
  40072: e('标签名长度不合法（1–32 个字符）', 'Invalid tag name length (1–32 characters)', '修改标签名称的长度。', 'Change the tag name length.'),
  81003: e('标签成员超过 30000 个', 'More than 30,000 members in one tag', '把成员拆分到多个标签。', 'Split the members over several tags.'),
  81011: e(
    '无权操作该标签：标签由其他应用创建',
    'This tag belongs to another app',
    '只能修改由当前应用或密钥创建的标签，请在企业微信后台或创建它的应用中修改。',
    'Only tags created by the current app or secret can be changed; edit it in the WeCom admin console or the app that created it.',
  ),

  // --- contacts: batch jobs -------------------------------------------------------------------------------------
  40088: e('任务不存在（jobid 无效）', 'Unknown job (invalid jobid)', '重新提交该任务。', 'Submit the job again.'),
  40089: e('任务结果已清除（只保留最近 5 个）', 'Job result purged (only the last 5 are kept)', '重新提交该任务。', 'Submit the job again.'),
  45026: e(
    '批量替换会删除过多成员，已被企业微信中止',
    'WeCom aborted the batch replace because it would delete too many members',
    '检查 OA 数据是否完整（是否漏了部门或成员）；确认无误后再分批同步。',
    'Check that the OA data is complete (no missing departments or members); once confirmed, sync in smaller batches.',
  ),

  // --- other --------------------------------------------------------------------------------------------------------
  40073: e('无效的 openid', 'Invalid openid', 'openid 可能已失效或不属于本企业，请重新获取后再试。', 'The openid may be stale or from another company; obtain it again and retry.'),

  // --- attendance (打卡) ---------------------------------------------------------------------------------------
  301023: e('打卡查询人数须为 1–100 人', 'Check-in queries take 1–100 users', '减少单次查询的人数。', 'Query fewer users at a time.'),
  301024: e('打卡查询时间跨度须在 1 个月内', 'Check-in query range must be under one month', '缩短查询的日期范围（不超过 30 天）。', 'Shorten the date range (30 days at most).'),

  // --- customer contact (客户联系) -------------------------------------------------------------------------------
  84061: e(
    '不存在外部联系人关系（not external contact）',
    'No external-contact relation ("not external contact")',
    '该成员没有这个客户（或还没有任何客户），无需处理。',
    'The member has no such customer (or none at all); no action needed.',
  ),
  81017: e(
    '未按群主筛选且可见客户群超过 1000 个',
    'More than 1000 visible customer groups without an owner filter',
    REPORT_ZH,
    REPORT_EN,
  ),

  // --- chat archive (会话内容存档) ----------------------------------------------------------------------------------
  301042: e(
    '调用方 IP 不在会话内容存档的 IP 白名单中',
    'The caller IP is not on the chat-archive IP whitelist',
    `把本机出口公网 IP 加入${PATH.archive.zh}的 IP 白名单后再试。`,
    `Add this machine's public egress IP to the IP whitelist in ${PATH.archive.en} and retry.`,
  ),
  301048: e('存档的媒体文件已不存在', 'The archived media file no longer exists', '该文件已过期，无法再获取。', 'The file has expired and can no longer be fetched.'),
  301052: e(
    '会话内容存档服务已过期',
    'The chat-archive service has expired',
    '在企业微信管理后台续费会话内容存档后再试。',
    'Renew the chat-archive service in the WeCom admin console and retry.',
  ),
  301053: e(
    '企业未开通会话内容存档',
    'The company has not enabled chat archiving (会话内容存档)',
    `在企业微信管理后台购买或试用会话内容存档（${PATH.archive.zh}），再到【消息存档】中设置。`,
    `Purchase or start a trial of chat archiving in the WeCom admin console (${PATH.archive.en}), then set up 【消息存档】 (chat archive).`,
  ),
  301058: e(
    '单次拉取数量过多',
    'Too many records requested at once',
    '减少每次拉取的数量后重试。',
    'Request fewer records per call and retry.',
  ),
};

export const ERRCODES: Readonly<Record<number, ErrcodeInfo>> = Object.freeze(TABLE);

/** Retry policies for codes the reference does not describe (no explanation is invented for them). */
const RETRY_ONLY: Readonly<Record<number, RetryPolicy>> = Object.freeze({ 42007: 'refreshToken' });

/** Codes whose WeCom errmsg names the offending field: it is appended to the message. */
const ERRMSG_DETAIL = new Set([40035, 40058, 40063]);

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(s: string): boolean {
  if (!s.includes(':') || /:::/.test(s)) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  let groups = 0;
  for (const [i, half] of halves.entries()) {
    if (half === '') continue;
    const parts = half.split(':');
    for (const [j, part] of parts.entries()) {
      const lastOverall = i === halves.length - 1 && j === parts.length - 1;
      if (lastOverall && part.includes('.')) {
        if (!IPV4.test(part)) return false;
        groups += 2;
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
        groups += 1;
      } else {
        return false;
      }
    }
  }
  return halves.length === 2 ? groups < 8 : groups === 8;
}

/** Extracts the caller IP from an errmsg like `not allow to access from your ip, hint: [..], from ip: 1.2.3.4, more info at ...` (IPv4 and IPv6); null when absent. */
export function callerIpFromErrmsg(errmsg: string): string | null {
  if (typeof errmsg !== 'string') return null;
  const m = /from\s+ip\s*[:：]\s*\[?([0-9A-Fa-f:.]+)/i.exec(errmsg);
  if (!m) return null;
  const ip = m[1].replace(/[.:]+$/, (tail) => (tail.startsWith('::') ? '::' : ''));
  if (IPV4.test(ip) || isIpv6(ip)) return ip;
  return null;
}

/** WeCom's own text, without the `hint: [...]`, `from ip:` and `more info at` trailers. */
function errmsgText(errmsg: string | undefined): string {
  if (!errmsg) return '';
  const cut = errmsg.search(/,?\s*(hint\s*:|from\s+ip\s*:|more info at)/i);
  return (cut >= 0 ? errmsg.slice(0, cut) : errmsg).trim();
}

type Feature = 'customer' | 'archive' | 'checkin';
type Text = { message: string; action: string };

/** Where to add the egress IP, depending on the secret in use (both places when the secret is not known). */
function trustedIpAction(zh: boolean, kind: SecretKind | undefined, ip: string | null): string {
  const what = ip ?? (zh ? '本机出口公网 IP' : "this machine's public egress IP");
  const path = kind === 'app' ? PATH.trustedIpApp : kind === 'contact' ? PATH.trustedIpContact : null;
  if (path) {
    return zh
      ? `在企业微信管理后台${path.zh}中加入 ${what}${kind === 'contact' ? '（通讯录密钥的可信IP与应用的分开设置）' : ''}，约 1 分钟后生效，再重试。`
      : `In the WeCom admin console add ${what} to ${path.en}${kind === 'contact' ? " (separate from the apps' trusted IPs)" : ''}; it applies after about 1 minute, then retry.`;
  }
  return zh
    ? `把 ${what} 加入对应 Secret 的【企业可信IP】：应用 Secret 在${PATH.trustedIpApp.zh}，通讯录密钥在${PATH.trustedIpContact.zh}；约 1 分钟后生效，再重试。`
    : `Add ${what} to the trusted IPs of the secret in use: for an app secret ${PATH.trustedIpApp.en}, for the contacts-sync secret ${PATH.trustedIpContact.en}. It applies after about 1 minute, then retry.`;
}

/** Secret-, feature- and IP-specific wording; null when the table text applies unchanged. */
function contextual(
  errcode: number,
  zh: boolean,
  base: Text,
  kind: SecretKind | undefined,
  feature: Feature | undefined,
  ip: string | null,
): Text | null {
  const area: SecretKind | undefined =
    feature ?? (kind === 'customer' || kind === 'checkin' || kind === 'archive' ? kind : undefined);

  switch (errcode) {
    case 60020:
      return {
        message: ip
          ? zh
            ? `企业微信拒绝了来自 ${ip} 的调用：该 IP 不在【企业可信IP】中`
            : `WeCom refused the call from ${ip}: the IP is not in the company's trusted IPs`
          : base.message,
        action: trustedIpAction(zh, kind, ip),
      };
    case 48009: {
      // 48009 is specific to the contacts-sync assistant: without a secret kind, point at its trusted IPs.
      return { message: base.message, action: trustedIpAction(zh, kind === 'app' ? 'app' : 'contact', ip) };
    }
    case 301042:
      return ip
        ? {
            message: base.message,
            action: zh
              ? `把 ${ip} 加入${PATH.archive.zh}的 IP 白名单后再试。`
              : `Add ${ip} to the IP whitelist in ${PATH.archive.en} and retry.`,
          }
        : null;
    case 40001:
    case 40091:
      return kind
        ? {
            message: base.message,
            action: zh
              ? `${base.action}该 Secret 位于${SECRET_PATH[kind].zh}。`
              : `${base.action} This secret is found at ${SECRET_PATH[kind].en}.`,
          }
        : null;
    case 48002:
    case 60011:
      if (area === 'customer') {
        const viaSecret = kind === 'customer';
        return {
          message: zh ? '该应用未授权客户联系' : 'This app is not authorised for customer contact',
          action: viaSecret
            ? zh
              ? `确认填写的是${SECRET_PATH.customer.zh}；2023-12-01 之后开通的企业不能再用该 Secret 调用接口，请在【客户管理】中改用【使用企业微信应用秘钥】。`
              : `Make sure the secret is the one from ${SECRET_PATH.customer.en}; companies onboarded after 2023-12-01 can no longer call the API with it — switch to 【使用企业微信应用秘钥】 (use an app secret) in 【客户管理】.`
            : zh
              ? `在${PATH.customerApps.zh}中勾选该应用，并给相关成员开通外部联系人使用权限。`
              : `Tick this app in ${PATH.customerApps.en} and grant the members external-contact permission.`,
        };
      }
      if (errcode === 60011) return null;
      if (area === 'checkin') {
        if (kind === 'app') {
          return {
            message: zh ? '该自建应用未获准调用打卡接口' : 'This self-built app may not call the check-in API',
            action: zh
              ? `在${PATH.checkinApps.zh}中加入该应用。`
              : `Add this app in ${PATH.checkinApps.en}.`,
          };
        }
        return {
          message: zh
            ? '打卡应用的 Secret 无权调用接口：2023-12-01 起新开通的企业不能再用系统打卡 Secret 调用接口（此前已在用的企业不受影响）'
            : 'The check-in app secret may not call the API: since 2023-12-01 newly onboarded companies can no longer use the system check-in secret (companies already using it are unaffected)',
          action: zh
            ? `在【考勤同步】中改用【使用自建应用】：先在${PATH.checkinApps.zh}中加入一个已集成的自建应用，再选择它并【保存】。`
            : `Switch to 【使用自建应用】 (use a self-built app) in 【考勤同步】: add an integrated self-built app in ${PATH.checkinApps.en}, then pick it and save.`,
        };
      }
      if (area === 'archive') {
        return {
          message: zh ? '该 Secret 无权调用会话内容存档接口' : 'This secret may not call the chat-archive API',
          action: zh
            ? `在【消息存档】中填写${SECRET_PATH.archive.zh}，并确认企业已开通会话内容存档。`
            : `Enter ${SECRET_PATH.archive.en} in 【消息存档】 and make sure chat archiving is enabled for the company.`,
        };
      }
      if (kind === 'contact') {
        return {
          message: base.message,
          action: zh
            ? '通讯录密钥只能用于通讯录，不能发消息或用于网页登录：请改用应用的 Secret。'
            : 'The contacts-sync secret only works for contacts; it cannot send messages or be used for web login — use an app secret.',
        };
      }
      if (kind === 'app') {
        return {
          message: base.message,
          action: zh
            ? `应用 Secret 不能修改通讯录；如需写入通讯录，请在【接口参数设置】中填写【通讯录密钥】（${SECRET_PATH.contact.zh}）。`
            : `An app secret cannot change contacts; to write contacts, enter 【通讯录密钥】 (contacts-sync secret) in 【接口参数设置】 (from ${SECRET_PATH.contact.en}).`,
        };
      }
      return null;
    default:
      return null;
  }
}

/** Explanation for people: message + what the admin should do; context adds secret-specific paths (60020/48009/48002/60011) and the caller IP from WeCom's errmsg `from ip: x.x.x.x`. Unknown codes get a generic text that still shows the code and WeCom's own errmsg. */
export function explainErrcode(
  errcode: number,
  opts?: { lang?: Lang; secretKind?: SecretKind; errmsg?: string; feature?: Feature },
): { message: string; action: string; ip: string | null; retry: RetryPolicy } {
  const zh = (opts?.lang ?? 'zh-CN') !== 'en-US';
  const ip = opts?.errmsg ? callerIpFromErrmsg(opts.errmsg) : null;
  const own = errmsgText(opts?.errmsg);
  const info = Object.prototype.hasOwnProperty.call(ERRCODES, errcode) ? ERRCODES[errcode] : undefined;

  if (!info) {
    const queryUrl = `https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
    return {
      message: zh
        ? `企业微信返回错误码 ${errcode}${own ? `：${own}` : ''}`
        : `WeCom returned errcode ${errcode}${own ? `: ${own}` : ''}`,
      action: zh
        ? `请按企业微信官方错误码说明排查：${queryUrl}；无法解决时请把此错误信息反馈给技术支持。`
        : `See WeCom's description of this code: ${queryUrl}; if that does not help, report this message to support.`,
      ip,
      retry: RETRY_ONLY[errcode] ?? 'never',
    };
  }

  let text: Text = { message: zh ? info.zh : info.en, action: zh ? info.actionZh : info.actionEn };
  text = contextual(errcode, zh, text, opts?.secretKind, opts?.feature, ip) ?? text;
  if (own && ERRMSG_DETAIL.has(errcode)) {
    text = { ...text, message: zh ? `${text.message}（企业微信：${own}）` : `${text.message} (WeCom: ${own})` };
  }
  return { ...text, ip, retry: info.retry };
}
