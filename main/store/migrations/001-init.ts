// Shipped migrations are immutable: a schema change is a new numbered file (the runner checks hashes).
export const sql = `
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE corps (
  id                  TEXT PRIMARY KEY,
  name                TEXT NOT NULL,
  corpid              TEXT NOT NULL,
  kind                TEXT NOT NULL CHECK (kind IN ('public', 'private', 'gov')),
  api_base            TEXT NOT NULL,
  api_prefix          TEXT NOT NULL DEFAULT '/cgi-bin',
  proxy_url           TEXT,
  ca_pem              TEXT,
  contact_secret_enc  TEXT,
  customer_secret_enc TEXT,
  contact_egress_ip   TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);

CREATE TABLE apps (
  id               TEXT PRIMARY KEY,
  corp_id          TEXT NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  name             TEXT NOT NULL,
  agentid          INTEGER NOT NULL,
  secret_enc       TEXT NOT NULL,
  egress_ip        TEXT,
  validated_at     TEXT,
  validation_json  TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (corp_id, agentid)
);
CREATE INDEX apps_by_corp ON apps(corp_id);

CREATE TABLE jobs (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  corp_id     TEXT REFERENCES corps(id) ON DELETE SET NULL,
  status      TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
  phase       TEXT NOT NULL DEFAULT '',
  done        INTEGER NOT NULL DEFAULT 0,
  total       INTEGER NOT NULL DEFAULT 0,
  result_json TEXT,
  error_json  TEXT,
  started_at  TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX jobs_by_started ON jobs(started_at);

CREATE TABLE audit (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  corp_id    TEXT,
  detail     TEXT NOT NULL DEFAULT '{}'
);
`;
