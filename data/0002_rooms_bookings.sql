-- kyodo schema, step 2: rooms, the days the center is closed, bookings.
-- Meetings and facility use now point at a room (room_id) when the room
-- they name exists; names that match no room stay as text in "room".

CREATE TABLE room (
	uuid       TEXT PRIMARY KEY,
	origin     TEXT NOT NULL,
	version    INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	deleted    INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL,
	updated_by TEXT NOT NULL,
	name       TEXT NOT NULL,
	capacity   INTEGER,
	kind       TEXT,
	fee        INTEGER,
	active     TEXT NOT NULL DEFAULT 'yes'
);
-- Names are unique within one center; city hall holds every center's rooms.
CREATE UNIQUE INDEX room_live_name ON room (origin, name) WHERE deleted = 0;

-- Dates the center adds to its closed days (休館日); the yearly 12/29–1/3
-- and a weekly closing day are settings.
CREATE TABLE closed_day (
	uuid       TEXT PRIMARY KEY,
	origin     TEXT NOT NULL,
	version    INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	deleted    INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL,
	updated_by TEXT NOT NULL,
	date       TEXT NOT NULL,
	reason     TEXT
);
CREATE INDEX closed_day_by_date ON closed_day (date);

CREATE TABLE booking (
	uuid             TEXT PRIMARY KEY,
	origin           TEXT NOT NULL,
	version          INTEGER NOT NULL DEFAULT 1,
	updated_at       TEXT NOT NULL,
	deleted          INTEGER NOT NULL DEFAULT 0,
	created_by       TEXT NOT NULL,
	updated_by       TEXT NOT NULL,
	room             TEXT NOT NULL,
	room_id          TEXT REFERENCES room (uuid),
	date             TEXT NOT NULL,
	start            TEXT NOT NULL,
	"end"            TEXT NOT NULL,
	"group"          TEXT NOT NULL,
	contact          TEXT,
	purpose          TEXT,
	category         TEXT NOT NULL,
	people           INTEGER,
	fee              INTEGER,
	exemption        TEXT NOT NULL DEFAULT 'none',
	exemption_reason TEXT,
	status           TEXT NOT NULL DEFAULT 'booked',
	series           TEXT   -- shared by the occurrences of one repeating booking
);
CREATE INDEX booking_by_date ON booking (date, start, uuid);
CREATE INDEX booking_by_room_date ON booking (room_id, date, start);
CREATE INDEX booking_by_series ON booking (series, date) WHERE series IS NOT NULL;

ALTER TABLE meeting ADD COLUMN room_id TEXT REFERENCES room (uuid);
ALTER TABLE facility_use ADD COLUMN room_id TEXT REFERENCES room (uuid);
ALTER TABLE facility_use ADD COLUMN booking TEXT REFERENCES booking (uuid);
CREATE INDEX facility_use_by_booking ON facility_use (booking) WHERE booking IS NOT NULL;
CREATE INDEX facility_use_by_room_date ON facility_use (room_id, date);
CREATE INDEX facility_use_by_origin_date ON facility_use (origin, date);
