import { describe, expect, it } from 'vitest';
import { parseCsv, parsePartyCsv, parseUserCsv } from '../../../main/simulator/batch-csv';

describe('CSV', () => {
  it('parses quotes, doubled quotes, CRLF, a BOM and skips blank lines', () => {
    expect(parseCsv('\uFEFFa,"b,c","d""e"\r\n\r\n1,2,3\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['1', '2', '3'],
    ]);
  });

  it('reads WeCom member template columns (after an explanation line), with ; between departments', () => {
    const rows = parseUserCsv('说明：请按模板填写\n姓名,帐号,手机号,邮箱,所在部门,职位,性别,禁用\n张三,zhangsan,13800000001,,"2;3",工程师,男,0\n李四,lisi,,li@x.cn,4,,女,1\n');
    expect(rows).toEqual([
      { line: 3, userid: 'zhangsan', name: '张三', mobile: '13800000001', department: [2, 3], position: '工程师', gender: '1', enable: 1 },
      { line: 4, userid: 'lisi', name: '李四', email: 'li@x.cn', department: [4], gender: '2', enable: 0 },
    ]);
    expect(parseUserCsv('a,b\n1,2')).toBeNull();
  });

  it('reads the department template', () => {
    expect(parsePartyCsv('部门名称,部门ID,父部门ID,排序\n研发,2,1,10\n')).toEqual([{ line: 2, name: '研发', id: 2, parentid: 1, order: 10 }]);
  });
});
