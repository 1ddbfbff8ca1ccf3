// A refused push in the result panel: the job error's details (as push-service attaches them; see
// test/integration/push-refusal-details.test.ts) explain it in English; the Chinese UI keeps the core's text.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/api';
import { translator } from '../../../renderer/i18n';
import { refusalText } from '../../../renderer/pages/contacts/simulate/refusal-text';

const noChinese = (s: string) => s.replace(/【[^】]*】/g, '').match(/[\u4e00-\u9fff]/) === null;

const held = new ApiError({
  code: 'held',
  message: '计划被安全规则暂停：本次将禁用 3 名成员，超过每次上限 0',
  hint: '确认无误后加 --approve-held 批准本计划',
  details: { held: [{ rule: 'maxDisables', limit: 0, actual: 3, setting: 'safety.maxDisables', part: 'run', message: '本次将禁用 3 名成员，超过每次上限 0', params: { actual: 3, limit: 0 } }] },
});
const stop = new ApiError({
  code: 'root_mismatch',
  message: 'OA 根部门「云桥科技」与企业微信根部门「云桥」名称不同，同步已中止：请统一名称，或在【基本设置】中选择【顶级部门】',
  details: { code: 'root_mismatch', oaRoot: '云桥科技', wecomRoot: '云桥', setting: 'push.topDept', message: 'OA 根部门「云桥科技」与企业微信根部门「云桥」名称不同，同步已中止：请统一名称，或在【基本设置】中选择【顶级部门】', params: { oaRoot: '云桥科技', wecomRoot: '云桥' } },
});
const confirm = new ApiError({ code: 'confirm_required', message: '本计划含 2 个删除/禁用操作：请输入 --confirm 2 确认', details: { rule: 'confirm', limit: 2, actual: null, setting: '--confirm' } });

describe('refusalText', () => {
  const en = translator('en-US');
  it('states holds, the root stop and the typed count in English', () => {
    expect(refusalText(held, 'en-US', en)).toBe('This run would disable 3 members, more than the limit of 0 per run');
    const s = refusalText(stop, 'en-US', en);
    expect(s).toContain('云桥科技');
    expect(noChinese(s.replace('云桥科技', '').replace('云桥', ''))).toBe(true);
    expect(refusalText(confirm, 'en-US', en)).toBe('Type 2 to confirm');
  });
  it('keeps the core text in Chinese, and falls back to it when details are missing', () => {
    expect(refusalText(held, 'zh-CN', translator('zh-CN'))).toBe(held.message);
    expect(refusalText(new ApiError({ code: 'held', message: '暂停' }), 'en-US', en)).toBe('暂停');
  });
});
