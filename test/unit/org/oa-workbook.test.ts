import { describe, expect, it } from 'vitest';
import { oaDirectoryToWorkbook, parseOaFiles } from '../../../main/org/oa-files';
import { writeWorkbook } from '../../../main/org/workbook-io';

const DEPT_HEAD = ['部门编号', '部门名称', '上级部门编号', '排序', '类型'];
const USER_HEAD = ['工号', '登录名', '姓名', '手机', '邮箱', '职位', '主部门编号', '兼职部门编号', '状态', '排序', '工位'];

const depts = [
  DEPT_HEAD,
  ['1', '云桥科技', '', 1, '分部'],
  ['2', '研发中心', '1', 1, '部门'],
  ['3', '前端组', '2', 2, ''],
  ['4', '华东分公司', '1', 3, '分部'],
];
const users = [
  USER_HEAD,
  ['E001', 'zhangsan', '张三', 13800138000, 'zs@example.com', '工程师', '3', '4', '在职', 1, 'A-101'],
  ['E002', 'lisi', '李四', '13900139000', '', '经理', '2', '', '离职', 2, ''],
  ['', 'wangwu', '王五', '', 'ww@example.com', '', '4', '3，2', '', '', ''],
];

const xlsx = (d: unknown[][], u: unknown[][]) => ({ name: 'oa.xlsx', data: writeWorkbook([{ name: '部门', rows: d as string[][] }, { name: '人员', rows: u as string[][] }]) });

describe('OA directory workbook (CLI.md layout)', () => {
  it('reads departments and users; numbers keep every digit; unknown columns become custom fields', () => {
    const r = parseOaFiles([xlsx(depts, users)]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.directory;
    expect(d.departments.map((x) => [x.id, x.parentId, x.type])).toEqual([
      ['1', null, 'subcompany'],
      ['2', '1', 'department'],
      ['3', '2', 'department'],
      ['4', '1', 'subcompany'],
    ]);
    const [zs, ls, ww] = d.users;
    expect(zs).toMatchObject({ id: 'E001', mobile: '13800138000', department: '3', partTimeDepartments: ['4'], status: 'active', custom: { 工位: 'A-101' } });
    expect(ls.status).toBe('departed');
    expect(ww).toMatchObject({ id: 'wangwu', workcode: null, partTimeDepartments: ['3', '2'], status: 'active' });
  });

  it('lists every bad row with sheet, row, column and reason, and returns no directory', () => {
    const badDepts = [...depts, ['2', '重复编号', '1', 1, ''], ['6', '', '99', 'x', '公司']];
    const badUsers = [...users, ['E001', 'dup', '', 'abc', 'not-mail', '', '77', '88', '退休', '', ''], ['', '', '无名', '', '', '', '1', '', '', '', '']];
    const r = parseOaFiles([xlsx(badDepts, badUsers)]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = (sheet: string, row: number) => r.errors.filter((e) => e.sheet === sheet && e.row === row).map((e) => `${e.column}:${e.reason}`);
    expect(at('部门', 6)).toEqual(['部门编号:部门编号「2」与第 3 行重复']);
    expect(at('部门', 7)).toEqual(expect.arrayContaining([expect.stringContaining('部门名称为空'), expect.stringContaining('只能是 分部 或 部门'), expect.stringContaining('不是数字'), expect.stringContaining('「99」不存在')]));
    expect(at('人员', 5)).toEqual(
      expect.arrayContaining([expect.stringContaining('与第 2 行重复'), expect.stringContaining('姓名为空'), expect.stringContaining('手机「abc」'), expect.stringContaining('邮箱「not-mail」'), expect.stringContaining('只能是 在职 或 离职')]),
    );
    expect(at('人员', 6)).toEqual(['工号:工号和登录名都为空']);
  });

  it('refuses a tree without exactly one root, and cycles', () => {
    const twoRoots = parseOaFiles([xlsx([DEPT_HEAD, ['1', 'A', ''], ['2', 'B', '']], [USER_HEAD])]);
    expect(!twoRoots.ok && twoRoots.errors[0].reason).toContain('只能有一个根部门');
    const cycle = parseOaFiles([xlsx([DEPT_HEAD, ['1', 'R', ''], ['2', 'A', '3'], ['3', 'B', '2']], [USER_HEAD])]);
    expect(!cycle.ok && cycle.errors.map((e) => e.reason)).toContain('上级部门形成了循环');
  });

  it('names missing sheets and columns', () => {
    const noSheet = parseOaFiles([{ name: 'x.xlsx', data: writeWorkbook([{ name: 'Sheet1', rows: [['a']] }]) }]);
    expect(!noSheet.ok && noSheet.errors.map((e) => e.reason).join()).toMatch(/找不到部门工作表.*找不到人员工作表/);
    const noCol = parseOaFiles([xlsx([['部门编号', '部门名称'], ['1', 'R']], [['姓名'], ['张三']])]);
    expect(!noCol.ok && noCol.errors.map((e) => e.reason)).toEqual(expect.arrayContaining(['缺少列「上级部门编号」或「parentId」', '缺少列「主部门编号」或「department」']));
  });

  it('accepts English sheet names, headers and status values, and a custom mapping', () => {
    const en = parseOaFiles([
      {
        name: 'en.xlsx',
        data: writeWorkbook([
          { name: 'departments', rows: [['id', 'name', 'parentId', 'order', 'type'], ['r', 'Root', '', 1, 'subcompany']] },
          { name: 'users', rows: [['workcode', 'loginid', 'name', 'department', 'status'], ['9', 'amy', 'Amy', 'r', 'departed']] },
        ]),
      },
    ]);
    expect(en.ok && en.directory.users[0]).toMatchObject({ id: '9', status: 'departed' });
    const mapped = parseOaFiles(
      [{ name: 'hr.xlsx', data: writeWorkbook([{ name: 'Org', rows: [['编码', '名称', '上级'], ['1', '总部', '']] }, { name: 'Staff', rows: [['员工号', '名字', '部门'], ['7', '赵六', '1']] }]) }],
      { sheets: { departments: 'Org', users: 'Staff' }, departments: { id: '编码', name: '名称', parentId: '上级' }, users: { workcode: '员工号', name: '名字', department: '部门' } },
    );
    expect(mapped.ok && mapped.directory.users[0]).toMatchObject({ id: '7', name: '赵六', department: '1' });
  });

  it('reads a pair of CSV files, including GBK-encoded ones from Chinese Excel', () => {
    const deptCsv = '部门编号,部门名称,上级部门编号\n1,云桥科技,\n2,研发中心,1\n';
    const userCsv = '工号,姓名,手机,主部门编号\nE1,张三,13800000001,2\n';
    const gbk = Buffer.from(new TextEncoder().encode(userCsv)); // UTF-8 variant
    const r = parseOaFiles([
      { name: 'users.csv', data: gbk },
      { name: 'depts.csv', data: Buffer.from(`\uFEFF${deptCsv}`) },
    ]);
    expect(r.ok && r.directory.users[0]).toMatchObject({ name: '张三', department: '2' });
    const gbkBytes = Buffer.from([0xb9, 0xa4, 0xba, 0xc5]); // "工号" in GBK
    const gbkUsers = Buffer.concat([gbkBytes, Buffer.from(',name,department\nE1,Zhang,2\n')]);
    const r2 = parseOaFiles([{ name: 'depts.csv', data: Buffer.from(deptCsv) }, { name: 'users.csv', data: gbkUsers }]);
    expect(r2.ok && r2.directory.users[0].id).toBe('E1');
    const single = parseOaFiles([{ name: 'depts.csv', data: Buffer.from(deptCsv) }]);
    expect(!single.ok && single.errors[0].reason).toContain('两个文件');
  });

  it('refuses corrupt and non-workbook files with a clear message', () => {
    const corrupt = parseOaFiles([{ name: 'broken.xlsx', data: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 1)]) }]);
    expect(!corrupt.ok && corrupt.errors[0].reason).toContain('无法读取');
    const text = parseOaFiles([{ name: 'notes.xlsx', data: Buffer.from('hello world') }]);
    expect(!text.ok && text.errors[0].reason).toContain('不是 Excel 工作簿');
    const empty = parseOaFiles([{ name: 'e.xlsx', data: Buffer.alloc(0) }]);
    expect(!empty.ok && empty.errors[0].reason).toContain('空文件');
  });

  it('export then import gives the same directory', () => {
    const r = parseOaFiles([xlsx(depts, users)]);
    if (!r.ok) throw new Error('fixture');
    const again = parseOaFiles([{ name: 'out.xlsx', data: oaDirectoryToWorkbook(r.directory) }]);
    expect(again.ok && again.directory).toEqual(r.directory);
  });
});
