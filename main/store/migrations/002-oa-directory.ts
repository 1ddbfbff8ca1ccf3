// The OA directory snapshot (one per installation; each corp's scope chooses what goes to it).
export const sql = `
CREATE TABLE oa_departments (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  parent_id TEXT,
  sort      REAL NOT NULL DEFAULT 0,
  type      TEXT NOT NULL CHECK (type IN ('subcompany', 'department'))
);
CREATE INDEX oa_departments_by_parent ON oa_departments(parent_id);

CREATE TABLE oa_users (
  id              TEXT PRIMARY KEY,
  workcode        TEXT,
  loginid         TEXT,
  name            TEXT NOT NULL,
  mobile          TEXT,
  email           TEXT,
  position        TEXT,
  department_id   TEXT NOT NULL,
  part_time_json  TEXT NOT NULL DEFAULT '[]',
  status          TEXT NOT NULL CHECK (status IN ('active', 'departed')),
  sort            REAL NOT NULL DEFAULT 0,
  custom_json     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX oa_users_by_department ON oa_users(department_id);

CREATE TABLE oa_imports (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  source      TEXT NOT NULL,
  counts_json TEXT NOT NULL
);
`;
