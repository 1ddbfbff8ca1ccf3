// Contacts sync: per-corp settings, the WeCom mirror, bindings and links, runs with their journal.
export const sql = `
CREATE TABLE corp_settings (
  corp_id    TEXT NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (corp_id, key)
);

CREATE TABLE mirror_departments (
  corp_id   TEXT NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  id        INTEGER NOT NULL,
  name      TEXT NOT NULL,
  parent_id INTEGER,
  sort      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (corp_id, id)
);

CREATE TABLE mirror_users (
  corp_id          TEXT NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  userid           TEXT NOT NULL,
  name             TEXT NOT NULL,
  mobile           TEXT,
  email            TEXT,
  position         TEXT,
  departments_json TEXT NOT NULL DEFAULT '[]',
  main_department  INTEGER,
  status           INTEGER NOT NULL DEFAULT 1,
  extra_json       TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (corp_id, userid)
);

CREATE TABLE user_bindings (
  corp_id     TEXT NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  wx_userid   TEXT NOT NULL,
  oa_user_id  TEXT NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('auto', 'manual', 'import', 'push')),
  bound_at    TEXT NOT NULL,
  disabled_at TEXT,
  PRIMARY KEY (corp_id, wx_userid),
  UNIQUE (corp_id, oa_user_id)
);

CREATE TABLE dept_links (
  corp_id    TEXT NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  wx_dept_id INTEGER NOT NULL,
  oa_dept_id TEXT NOT NULL,
  linked_at  TEXT NOT NULL,
  PRIMARY KEY (corp_id, wx_dept_id),
  UNIQUE (corp_id, oa_dept_id)
);

CREATE TABLE sync_state (
  corp_id         TEXT PRIMARY KEY REFERENCES corps(id) ON DELETE CASCADE,
  pulled_at       TEXT,
  pull_complete   INTEGER NOT NULL DEFAULT 0,
  pull_error      TEXT,
  baseline_active INTEGER,
  baseline_scope  TEXT
);

CREATE TABLE plans (
  corp_id    TEXT NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  hash       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  plan_json  TEXT NOT NULL,
  PRIMARY KEY (corp_id, hash)
);

CREATE TABLE runs (
  id           TEXT PRIMARY KEY,
  corp_id      TEXT NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('pull', 'simulate', 'push', 'edit', 'bind')),
  actor        TEXT NOT NULL,
  plan_hash    TEXT,
  status       TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed', 'refused', 'held', 'cancelled')),
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  summary_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX runs_by_corp ON runs(corp_id, started_at);
CREATE INDEX runs_by_hash ON runs(corp_id, plan_hash);

CREATE TABLE run_ops (
  run_id  TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  seq     INTEGER NOT NULL,
  op_key  TEXT NOT NULL,
  op_json TEXT NOT NULL,
  status  TEXT NOT NULL CHECK (status IN ('pending', 'started', 'done', 'failed', 'held')),
  errcode INTEGER,
  message TEXT,
  PRIMARY KEY (run_id, seq)
);
`;
