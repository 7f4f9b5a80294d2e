-- The stamp each file carries (YYYYMMDD-HHMMSS, UTC), so an older or
-- replayed file is known as such and never counts as a center's latest.
ALTER TABLE sync_log ADD COLUMN created TEXT;
UPDATE sync_log SET created = substr(file, -21, 15) WHERE file LIKE '%.kyodo';
