-- kyodo schema, step 4: keys and the monthly file to and from city hall.

-- This store's own key pairs.  The secret halves never leave the store.
CREATE TABLE identity (
	id        INTEGER PRIMARY KEY CHECK (id = 1),
	sign_pk   BLOB NOT NULL,   -- Ed25519, signs the files this store sends
	sign_sk   BLOB NOT NULL,
	box_pk    BLOB NOT NULL,   -- X25519, opens the files sent to this store
	box_sk    BLOB NOT NULL,
	machine   TEXT NOT NULL    -- the machine the store was made on
);

-- The other side: at a center, the city; at city hall, each enrolled center.
CREATE TABLE peer (
	code       TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	sign_pk    BLOB NOT NULL,
	box_pk     BLOB NOT NULL,
	enrolled_at TEXT NOT NULL
);

-- Every file written or read, for the sync screens and the city's overview.
CREATE TABLE sync_log (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,
	direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
	peer      TEXT NOT NULL,
	file      TEXT NOT NULL,
	rows      INTEGER NOT NULL DEFAULT 0,
	result    TEXT NOT NULL
);
CREATE INDEX sync_log_by_peer ON sync_log (peer, at);
