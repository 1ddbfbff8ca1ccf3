import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDb } from '../../../main/store/db';
import { migrations } from '../../../main/store/migrations';
import { tempDir } from '../../helpers/tmp';

const dirs: { cleanup(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));
const file = () => {
  const d = tempDir();
  dirs.push(d);
  return join(d.path, 'db.sqlite');
};

describe('store migrations', () => {
  it('opens a new file in WAL mode with foreign keys and every migration applied', () => {
    const db = openDb(file());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['corps', 'apps', 'settings', 'jobs', 'audit', 'schema_migrations']));
    db.close();
  });

  it('reopening applies nothing twice', () => {
    const f = file();
    openDb(f).close();
    const db = openDb(f);
    expect((db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(migrations.length);
    db.close();
  });

  it('refuses a database written by a newer version', () => {
    const f = file();
    const raw = new Database(f);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openDb(f)).toThrow(/比本程序支持的/);
  });

  it('detects a shipped migration that was edited afterwards', () => {
    const f = file();
    openDb(f).close();
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    const raw = new Database(f);
    expect(() => migrate(raw, edited)).toThrow(/被修改过/);
    raw.close();
  });

  it('a failing migration leaves the previous version intact', () => {
    const f = file();
    openDb(f).close();
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE ok_part (x); THIS IS NOT SQL;' }];
    const raw = new Database(f);
    expect(() => migrate(raw, broken)).toThrow();
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name='ok_part'").get()).toBeUndefined();
    raw.close();
  });

  it('deleting a corp cascades to its apps', () => {
    const db = openDb(file());
    const now = new Date().toISOString();
    db.prepare("INSERT INTO corps (id,name,corpid,kind,api_base,created_at,updated_at) VALUES ('c1','n','ww1','public','https://x',?,?)").run(now, now);
    db.prepare("INSERT INTO apps (id,corp_id,name,agentid,secret_enc,created_at,updated_at) VALUES ('a1','c1','app',1000002,'enc',?,?)").run(now, now);
    db.prepare("DELETE FROM corps WHERE id='c1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM apps').get()).toEqual({ n: 0 });
    db.close();
  });
});
