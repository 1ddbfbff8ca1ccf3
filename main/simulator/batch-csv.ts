// The CSV files of WeCom's async batch jobs (batch/syncuser, replaceuser, replaceparty): RFC 4180 parsing and the
// column names of WeCom's templates (姓名, 帐号, 手机号, 邮箱, 所在部门 … / 部门名称, 部门ID, 父部门ID, 排序), with
// English aliases. Department lists in a cell are separated by `;` (or `,` inside a quoted cell).

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

export interface CsvUserRow {
  line: number;
  userid: string;
  name: string;
  mobile?: string;
  email?: string;
  department?: number[];
  position?: string;
  gender?: '1' | '2';
  isLeader?: number[];
  order?: number[];
  alias?: string;
  address?: string;
  telephone?: string;
  enable?: 0 | 1;
}

export interface CsvPartyRow {
  line: number;
  name: string;
  id: number;
  parentid: number;
  order: number;
}

const USER_COLUMNS: Record<string, keyof Omit<CsvUserRow, 'line'>> = {
  姓名: 'name', name: 'name',
  帐号: 'userid', 账号: 'userid', userid: 'userid',
  手机号: 'mobile', mobile: 'mobile',
  邮箱: 'email', email: 'email',
  所在部门: 'department', department: 'department',
  职位: 'position', position: 'position',
  性别: 'gender', gender: 'gender',
  是否部门内领导: 'isLeader', is_leader_in_dept: 'isLeader',
  排序: 'order', order: 'order',
  别名: 'alias', alias: 'alias',
  地址: 'address', address: 'address',
  座机: 'telephone', telephone: 'telephone',
  禁用: 'enable', enable: 'enable',
};

const PARTY_COLUMNS: Record<string, keyof Omit<CsvPartyRow, 'line'>> = {
  部门名称: 'name', name: 'name',
  部门ID: 'id', id: 'id',
  父部门ID: 'parentid', parentid: 'parentid',
  排序: 'order', order: 'order',
};

/** The header row: the first row naming the key column (templates may start with an explanation line). */
function header<K extends string>(rows: string[][], columns: Record<string, K>, key: K): { at: number; cols: (K | null)[] } | null {
  for (let i = 0; i < rows.length; i++) {
    const cols = rows[i].map((c) => columns[c.replace(/[（(].*$/, '').trim()] ?? null);
    if (cols.includes(key)) return { at: i, cols };
  }
  return null;
}

const ints = (s: string) => s.split(/[;,；]/).map((x) => x.trim()).filter((x) => x !== '').map(Number);

export function parseUserCsv(text: string): CsvUserRow[] | null {
  const rows = parseCsv(text);
  const h = header(rows, USER_COLUMNS, 'userid');
  if (!h) return null;
  return rows.slice(h.at + 1).map((r, i) => {
    const out: CsvUserRow = { line: h.at + i + 2, userid: '', name: '' };
    h.cols.forEach((col, j) => {
      const v = (r[j] ?? '').trim();
      if (!col || v === '') return;
      switch (col) {
        case 'department':
        case 'isLeader':
        case 'order':
          out[col] = ints(v);
          break;
        case 'gender':
          out.gender = v === '男' || v === '1' ? '1' : '2';
          break;
        case 'enable':
          // The template's column is 禁用 (disabled): 1/是 = disabled.
          out.enable = v === '1' || v === '是' ? 0 : 1;
          break;
        default:
          out[col] = v;
      }
    });
    return out;
  });
}

export function parsePartyCsv(text: string): CsvPartyRow[] | null {
  const rows = parseCsv(text);
  const h = header(rows, PARTY_COLUMNS, 'id');
  if (!h) return null;
  return rows.slice(h.at + 1).map((r, i) => {
    const out: CsvPartyRow = { line: h.at + i + 2, name: '', id: NaN, parentid: NaN, order: 0 };
    h.cols.forEach((col, j) => {
      const v = (r[j] ?? '').trim();
      if (!col || v === '') return;
      if (col === 'name') out.name = v;
      else out[col] = Number(v);
    });
    return out;
  });
}
