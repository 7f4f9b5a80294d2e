-- kyodo schema, step 7: the register of user groups (利用団体) that book
-- rooms and use the facility.  A group's category decides its fee waiver
-- (the rates are settings); bookings and uses still name their group as
-- text, so a walk-in individual needs no entry here.
CREATE TABLE user_group (
	uuid           TEXT PRIMARY KEY,
	origin         TEXT NOT NULL,
	version        INTEGER NOT NULL DEFAULT 1,
	updated_at     TEXT NOT NULL,
	deleted        INTEGER NOT NULL DEFAULT 0,
	created_by     TEXT NOT NULL,
	updated_by     TEXT NOT NULL,
	name           TEXT NOT NULL,
	reading        TEXT,
	representative TEXT,
	contact        TEXT,
	category       TEXT NOT NULL DEFAULT 'other'
);
-- Names are unique within one center; city hall holds every center's groups.
CREATE UNIQUE INDEX user_group_live_name ON user_group (origin, name) WHERE deleted = 0;
