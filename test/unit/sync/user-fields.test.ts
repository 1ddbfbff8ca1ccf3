import { describe, expect, it } from 'vitest';
import { userFields } from '../../../main/sync/apply';
import { toWxUser } from '../../../main/sync/pull';

describe('field mapping to WeCom member fields (F4.4 用户字段 / 对外字段对应关系)', () => {
  it('nests custom attributes and external-profile fields the way WeCom expects', () => {
    expect(userFields({ mobile: '13800000000', 'extattr.工位': 'A-1', 'external_profile.external_corp_name': '云桥', 'external_profile.职级': 'P7' })).toEqual({
      mobile: '13800000000',
      extattr: { attrs: [{ type: 0, name: '工位', text: { value: 'A-1' } }] },
      external_profile: { external_corp_name: '云桥', external_attr: [{ type: 0, name: '职级', text: { value: 'P7' } }] },
    });
  });

  it('reads the same names back at pull, so an unchanged value plans no update', () => {
    const w = toWxUser({
      userid: 'zs',
      name: '张三',
      department: [1],
      extattr: { attrs: [{ type: 0, name: '工位', text: { value: 'A-1' } }] },
      external_profile: { external_corp_name: '云桥', external_attr: [{ type: 0, name: '职级', text: { value: 'P7' } }] },
    });
    expect(w.extra).toMatchObject({ 'extattr.工位': 'A-1', 'external_profile.external_corp_name': '云桥', 'external_profile.职级': 'P7' });
  });
});
