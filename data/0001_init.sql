-- kyodo schema, step 1: settings, staff, the day's logs and the audit trail.
-- Synced rows carry uuid, origin, version, updated_at and deleted (a
-- tombstone); created_by/updated_by name the person.  Dates are YYYY-MM-DD,
-- times HH:MM, money integer yen.

CREATE TABLE setting (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- Staff accounts stay in the store that made them: PIN hashes never travel.
CREATE TABLE staff (
	uuid          TEXT PRIMARY KEY,
	name          TEXT NOT NULL UNIQUE,
	role          TEXT NOT NULL CHECK (role IN ('center', 'secretariat', 'city', 'admin')),
	pin_hash      TEXT NOT NULL,
	failed_pins   INTEGER NOT NULL DEFAULT 0,
	locked_until  INTEGER NOT NULL DEFAULT 0,  -- unix seconds
	active        INTEGER NOT NULL DEFAULT 1,
	created_at    TEXT NOT NULL
);

CREATE TABLE meeting (
	uuid       TEXT PRIMARY KEY,
	origin     TEXT NOT NULL,
	version    INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	deleted    INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL,
	updated_by TEXT NOT NULL,
	date       TEXT NOT NULL,
	start      TEXT,
	"end"      TEXT,
	kind       TEXT NOT NULL,
	title      TEXT NOT NULL,
	room       TEXT,
	attendees  INTEGER,
	agenda     TEXT,
	summary    TEXT
);
CREATE INDEX meeting_by_date ON meeting (date, start, uuid);

CREATE TABLE event (
	uuid         TEXT PRIMARY KEY,
	origin       TEXT NOT NULL,
	version      INTEGER NOT NULL DEFAULT 1,
	updated_at   TEXT NOT NULL,
	deleted      INTEGER NOT NULL DEFAULT 0,
	created_by   TEXT NOT NULL,
	updated_by   TEXT NOT NULL,
	date         TEXT NOT NULL,
	start        TEXT,
	"end"        TEXT,
	title        TEXT NOT NULL,
	field        TEXT NOT NULL,
	organizer    TEXT,
	participants INTEGER,
	volunteers   INTEGER,
	cost         INTEGER
);
CREATE INDEX event_by_date ON event (date, start, uuid);

CREATE TABLE facility_use (
	uuid       TEXT PRIMARY KEY,
	origin     TEXT NOT NULL,
	version    INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	deleted    INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL,
	updated_by TEXT NOT NULL,
	date       TEXT NOT NULL,
	start      TEXT,
	"end"      TEXT,
	room       TEXT NOT NULL,
	"group"    TEXT,
	category   TEXT NOT NULL,
	people     INTEGER,
	fee        INTEGER,
	exemption  INTEGER
);
CREATE INDEX facility_use_by_date ON facility_use (date, start, uuid);

-- Append-only: every change a person makes, never edited or removed.
CREATE TABLE audit (
	id      INTEGER PRIMARY KEY,
	at      TEXT NOT NULL,
	actor   TEXT NOT NULL,
	action  TEXT NOT NULL,
	kind    TEXT,
	uuid    TEXT,
	summary TEXT NOT NULL
);
CREATE INDEX audit_by_at ON audit (at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
