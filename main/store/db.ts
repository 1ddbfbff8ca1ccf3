// Opens the SQLite store: WAL, foreign keys, numbered migrations in one transaction each.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations as shipped, type Migration } from './migrations';

export type Db = Database.Database;

export class StoreVersionError extends Error {
  readonly code = 'store_version';
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export function openDb(file: string, migrations: readonly Migration[] = shipped): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  try {
    migrate(db, migrations);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new StoreVersionError(`数据库版本 ${current} 比本程序支持的 ${latest} 新：请升级 WeCom Bridge 后再打开此数据目录`);
  }
  const applied = db.prepare('SELECT version, name, sha256 FROM schema_migrations').all() as { version: number; name: string; sha256: string }[];
  for (const row of applied) {
    const m = migrations[row.version - 1];
    if (m && sha(m.sql) !== row.sha256) {
      throw new StoreVersionError(`迁移 ${String(row.version).padStart(3, '0')}-${row.name} 在发布后被修改过（哈希不符）`);
    }
  }
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)').run(m.version, m.name, sha(m.sql), new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
