// Callbacks (F6): per-app and per-corp callback settings (Token and EncodingAESKey sealed by the secret box),
// auto-reply rules (F6.4) and the stored template-card and external-contact events (F3.3, F7.3).
export const sql = `
CREATE TABLE callback_targets (
  kind        TEXT NOT NULL CHECK (kind IN ('app', 'contacts', 'customer')),
  ref_id      TEXT NOT NULL,
  corp_id     TEXT NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  app_id      TEXT REFERENCES apps(id) ON DELETE CASCADE,
  token_enc   TEXT NOT NULL,
  aes_key_enc TEXT NOT NULL,
  replies     INTEGER NOT NULL DEFAULT 0,
  verified_at TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (kind, ref_id),
  CHECK ((kind = 'app') = (app_id IS NOT NULL))
);
CREATE INDEX callback_targets_by_corp ON callback_targets(corp_id);

CREATE TABLE reply_rules (
  id         TEXT PRIMARY KEY,
  app_id     TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('text', 'image')),
  match      TEXT CHECK (match IN ('contains', 'prefix', 'suffix', 'exact', 'any')),
  keyword    TEXT,
  reply      TEXT NOT NULL,
  priority   INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 100),
  enabled    INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((action = 'image') = (match IS NULL))
);
CREATE INDEX reply_rules_by_app ON reply_rules(app_id, priority, created_at);

CREATE TABLE callback_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  corp_id     TEXT NOT NULL REFERENCES corps(id) ON DELETE CASCADE,
  app_id      TEXT REFERENCES apps(id) ON DELETE SET NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('template_card', 'external_contact')),
  event       TEXT NOT NULL,
  change_type TEXT,
  from_user   TEXT,
  create_time INTEGER,
  payload     TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE INDEX callback_events_by_corp ON callback_events(corp_id, kind, id);
`;
