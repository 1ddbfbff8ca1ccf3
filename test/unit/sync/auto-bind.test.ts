import { describe, expect, it } from 'vitest';
import { autoBindings } from '../../../main/sync/auto-bind';
import { bound, oaUser, wxUser } from './fixtures';

describe('auto-binding at pull (F4.6 ②)', () => {
  const wx = [wxUser('zs', '张三', [1], { mobile: '13800000001' }), wxUser('ls', '李四', [1], { mobile: '13800000002' }), wxUser('ww', '王五', [1], { mobile: '13800000003' })];

  it('binds by the match field when exactly one OA person matches, departed people included', () => {
    const oa = [oaUser('E1', '张三', '1', { mobile: '13800000001' }), oaUser('E2', '李四', '1', { mobile: '13800000002', status: 'departed' })];
    expect(autoBindings(wx, oa, [], 'mobile')).toEqual([
      { wxUserid: 'ls', oaUserId: 'E2' },
      { wxUserid: 'zs', oaUserId: 'E1' },
    ]);
  });

  it('never changes an existing binding and leaves ambiguous matches for 手动绑定', () => {
    const oa = [oaUser('E1', '张三', '1', { mobile: '13800000001' }), oaUser('E3', '王五', '1', { mobile: '13800000003' }), oaUser('E4', '王五二', '1', { mobile: '13800000003' })];
    expect(autoBindings(wx, oa, [bound('zs', 'E9')], 'mobile')).toEqual([]);
  });

  it('matches userid to 登录名 case-insensitively', () => {
    expect(autoBindings(wx, [oaUser('E1', '张三', '1', { loginid: 'ZS' })], [], 'userid=loginid')).toEqual([{ wxUserid: 'zs', oaUserId: 'E1' }]);
  });
});
