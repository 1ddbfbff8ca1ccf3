// Migration 004 (callbacks) from version 3 with fixture rows: earlier data intact, the new tables in place, their
// constraints (kinds, app/corp consistency, priorities, image rules without a match mode) and the cascades.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../main/store/db';
import { migrations } from '../../../main/store/migrations';
import { tempDir } from '../../helpers/tmp';

const dirs: { cleanup(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

function v3WithRows(): Database.Database {
  const d = tempDir();
  dirs.push(d);
  const db = new Database(join(d.path, 'db.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, 3));
  const now = '2025-01-01T00:00:00.000Z';
  db.prepare("INSERT INTO corps (id,name,corpid,kind,api_base,created_at,updated_at) VALUES ('c1','n','ww1','private','http://10.0.0.1',?,?)").run(now, now);
  db.prepare("INSERT INTO apps (id,corp_id,name,agentid,secret_enc,created_at,updated_at) VALUES ('a1','c1','app',1000002,'enc',?,?)").run(now, now);
  db.prepare("INSERT INTO mirror_users (corp_id,userid,name) VALUES ('c1','u1','张三')").run();
  return db;
}

describe('migration 004-callbacks', () => {
  it('upgrades a version-3 store, keeping its rows', () => {
    const db = v3WithRows();
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    migrate(db, migrations);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(migrations[3]).toMatchObject({ version: 4, name: 'callbacks' });
    expect(db.prepare('SELECT name FROM mirror_users').all()).toEqual([{ name: '张三' }]);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['callback_targets', 'reply_rules', 'callback_events']));
    db.close();
  });

  it('enforces its constraints and cascades with corps and apps', () => {
    const db = v3WithRows();
    migrate(db, migrations);
    const now = '2025-01-02T00:00:00.000Z';
    const target = db.prepare('INSERT INTO callback_targets (kind,ref_id,corp_id,app_id,token_enc,aes_key_enc,created_at,updated_at) VALUES (?,?,?,?,?,?,?,?)');
    target.run('app', 'a1', 'c1', 'a1', 't', 'k', now, now);
    target.run('contacts', 'c1', 'c1', null, 't', 'k', now, now);
    expect(() => target.run('app', 'a2', 'c1', null, 't', 'k', now, now)).toThrow(/CHECK/);
    expect(() => target.run('other', 'c1', 'c1', null, 't', 'k', now, now)).toThrow(/CHECK/);
    const rule = db.prepare('INSERT INTO reply_rules (id,app_id,name,action,match,keyword,reply,priority,created_at,updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)');
    rule.run('r1', 'a1', 'n', 'text', 'contains', 'k', 'reply', 1, now, now);
    rule.run('r2', 'a1', 'n', 'image', null, null, 'reply', 100, now, now);
    expect(() => rule.run('r3', 'a1', 'n', 'text', 'contains', 'k', 'reply', 101, now, now)).toThrow(/CHECK/);
    expect(() => rule.run('r4', 'a1', 'n', 'image', 'any', null, 'reply', 1, now, now)).toThrow(/CHECK/);
    expect(() => rule.run('r5', 'a1', 'n', 'text', null, null, 'reply', 1, now, now)).toThrow(/CHECK/);
    db.prepare("INSERT INTO callback_events (corp_id,app_id,kind,event,payload,received_at) VALUES ('c1','a1','template_card','template_card_event','{}',?)").run(now);
    db.prepare("DELETE FROM apps WHERE id='a1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM reply_rules').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT kind FROM callback_targets').all()).toEqual([{ kind: 'contacts' }]);
    expect(db.prepare('SELECT app_id FROM callback_events').get()).toEqual({ app_id: null });
    db.prepare("DELETE FROM corps WHERE id='c1'").run();
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM callback_targets) + (SELECT COUNT(*) FROM callback_events) AS n').get()).toEqual({ n: 0 });
    db.close();
  });
});
