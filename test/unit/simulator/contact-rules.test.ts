import { describe, expect, it } from 'vitest';
import {
  checkDeptName,
  checkEmail,
  checkMemberDepartments,
  checkMemberName,
  checkMobile,
  isLoopback,
  isValidUserid,
  normalizeIp,
} from '../../../main/simulator/contact-rules';
import { errcode } from '../../helpers/sim-errcode';


describe('userid', () => {
  it.each([
    ['zhangsan', true],
    ['Zhang.San-01_x@corp', true],
    ['0abc', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['', false],
    ['_abc', false],
    ['-abc', false],
    ['张三', false],
    ['a b', false],
    ['a/b', false],
  ])('%s → %s', (id, ok) => {
    expect(isValidUserid(id)).toBe(ok);
  });
});

describe('member fields', () => {
  it('names are 1–64 characters (60112), counted as characters not bytes', () => {
    expect(errcode(() => checkMemberName('张'.repeat(64)))).toBeNull();
    expect(errcode(() => checkMemberName('张'.repeat(65)))).toBe(60112);
    expect(errcode(() => checkMemberName(''))).toBe(60112);
    expect(errcode(() => checkMemberName('   '))).toBe(60112);
  });

  it('mobiles are ≤ 32 of digits, + and - (60103)', () => {
    for (const ok of ['13800000000', '+86 13800000000', '+852-61234567']) expect(errcode(() => checkMobile(ok))).toBeNull();
    for (const bad of ['abc', '138 0000 0000x', '1'.repeat(33), '12']) expect(errcode(() => checkMobile(bad))).toBe(60103);
  });

  it('emails are 6–64 bytes and well-formed (60105)', () => {
    expect(errcode(() => checkEmail('a@b.cn'))).toBeNull();
    expect(errcode(() => checkEmail('a@b.c'))).toBe(60105);
    expect(errcode(() => checkEmail('no-at.example.com'))).toBe(60105);
    expect(errcode(() => checkEmail(`${'a'.repeat(60)}@b.cn`))).toBe(60105);
  });

  it('department lists: 60127 empty, 60110 > 100, 40066 duplicates, 60132 lengths, main within', () => {
    expect(errcode(() => checkMemberDepartments([], undefined, undefined, undefined))).toBe(60127);
    expect(errcode(() => checkMemberDepartments(Array.from({ length: 101 }, (_, i) => i + 2), undefined, undefined, undefined))).toBe(60110);
    expect(errcode(() => checkMemberDepartments([2, 2], undefined, undefined, undefined))).toBe(40066);
    expect(errcode(() => checkMemberDepartments([2, 3], [1], undefined, undefined))).toBe(60132);
    expect(errcode(() => checkMemberDepartments([2, 3], undefined, [1, 0, 0], undefined))).toBe(60132);
    expect(errcode(() => checkMemberDepartments([2, 3], [1, 2], [1, 0], 4))).toBe(40058);
    expect(errcode(() => checkMemberDepartments([2, 3], [1, 2], [1, 0], 3))).toBeNull();
  });
});

describe('department names', () => {
  it('are 1–32 characters (60001) without \\ : * ? " < > | (60009)', () => {
    expect(errcode(() => checkDeptName('研发中心'))).toBeNull();
    expect(errcode(() => checkDeptName('部'.repeat(32)))).toBeNull();
    expect(errcode(() => checkDeptName('部'.repeat(33)))).toBe(60001);
    expect(errcode(() => checkDeptName(''))).toBe(60001);
    for (const ch of ['\\', ':', '*', '?', '"', '<', '>', '|']) expect(errcode(() => checkDeptName(`研发${ch}中心`))).toBe(60009);
    expect(errcode(() => checkDeptName('研发/中心（一）'))).toBeNull();
  });
});

describe('addresses', () => {
  it('normalises IPv4-mapped addresses and recognises loopback', () => {
    expect(normalizeIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.5')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
    expect(isLoopback('::ffff:192.168.1.2')).toBe(false);
  });
});
