-- kyodo schema, step 3: the community body (地域協働体), its development plan
-- (地域づくり計画), the city's grant programmes and the body's applications.
-- Application rows belong to the center; the city's decisions on them
-- (交付決定, 額の確定, payments) are rows of their own that belong to the city.

CREATE TABLE body (
	uuid TEXT PRIMARY KEY, origin TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL, updated_by TEXT NOT NULL,
	name            TEXT NOT NULL,
	area            TEXT,
	founded_on      TEXT,
	notice_filed_on TEXT,
	representative  TEXT,
	stage           TEXT NOT NULL DEFAULT '1'
);

CREATE TABLE member (
	uuid TEXT PRIMARY KEY, origin TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL, updated_by TEXT NOT NULL,
	name TEXT NOT NULL,
	type TEXT NOT NULL
);

-- A milestone of the plan's stages, done on a date.
CREATE TABLE milestone (
	uuid TEXT PRIMARY KEY, origin TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL, updated_by TEXT NOT NULL,
	code TEXT NOT NULL,
	date TEXT NOT NULL,
	note TEXT
);
CREATE UNIQUE INDEX milestone_live_code ON milestone (origin, code) WHERE deleted = 0;

CREATE TABLE plan (
	uuid TEXT PRIMARY KEY, origin TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL, updated_by TEXT NOT NULL,
	title      TEXT NOT NULL,
	fy_from    INTEGER NOT NULL,
	fy_to      INTEGER NOT NULL,
	vision     TEXT,
	adopted_on TEXT
);

CREATE TABLE plan_issue (
	uuid TEXT PRIMARY KEY, origin TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL, updated_by TEXT NOT NULL,
	title       TEXT NOT NULL,
	description TEXT
);

CREATE TABLE project (
	uuid TEXT PRIMARY KEY, origin TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL, updated_by TEXT NOT NULL,
	title       TEXT NOT NULL,
	field       TEXT NOT NULL,
	description TEXT,
	target      TEXT,
	fy_from     INTEGER,
	fy_to       INTEGER
);
CREATE UNIQUE INDEX project_live_title ON project (origin, title) WHERE deleted = 0;

ALTER TABLE meeting ADD COLUMN project TEXT;
ALTER TABLE meeting ADD COLUMN project_id TEXT REFERENCES project (uuid);
ALTER TABLE event ADD COLUMN project TEXT;
ALTER TABLE event ADD COLUMN project_id TEXT REFERENCES project (uuid);
CREATE INDEX meeting_by_project ON meeting (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX event_by_project ON event (project_id) WHERE project_id IS NOT NULL;

-- Grant programmes: reference data owned by the city.
CREATE TABLE programme (
	uuid TEXT PRIMARY KEY, origin TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL, updated_by TEXT NOT NULL,
	code      TEXT NOT NULL,
	name      TEXT NOT NULL,
	"limit"   INTEGER,            -- yen; NULL or 0: no limit
	rate_num  INTEGER NOT NULL,
	rate_den  INTEGER NOT NULL,
	unit      INTEGER NOT NULL,   -- 1, 100 or 1000 yen, cut down
	fy_from   INTEGER NOT NULL,
	fy_to     INTEGER,            -- NULL: no end
	stage     TEXT
);
CREATE UNIQUE INDEX programme_live_code ON programme (code) WHERE deleted = 0;

-- The plan's three programmes (一関市地域協働推進計画, 概要版), rounding to ¥1,000.
-- Fixed ids, so every store names them alike before the city sends its own.
INSERT INTO programme (uuid, origin, version, updated_at, created_by, updated_by,
	code, name, "limit", rate_num, rate_den, unit, fy_from, fy_to, stage) VALUES
('00000000-0000-4000-8000-000000000001', 'city', 1, '2014-04-01T00:00:00Z', 'city', 'city',
	'consensus', '地域の合意形成を図る事業に対する支援（合意形成事業）', 50000, 1, 1, 1000, 2014, 2015, '1'),
('00000000-0000-4000-8000-000000000002', 'city', 1, '2014-04-01T00:00:00Z', 'city', 'city',
	'support', '地域協働体支援事業補助金', 200000, 2, 3, 1000, 2014, 2015, '2'),
('00000000-0000-4000-8000-000000000003', 'city', 1, '2015-04-01T00:00:00Z', 'city', 'city',
	'activity', '地域協働体活動費補助金（(仮称)地域ゆめづくり交付金）', NULL, 1, 1, 1000, 2015, NULL, '3');

-- The support the city offers at each stage (reference data from the plan).
CREATE TABLE stage_support (
	stage   TEXT NOT NULL,
	ord     INTEGER NOT NULL,
	name_ja TEXT NOT NULL,
	name_en TEXT NOT NULL,
	PRIMARY KEY (stage, ord)
) WITHOUT ROWID;
INSERT INTO stage_support VALUES
('1', 1, '地域の合意形成を図る事業に対する支援（準備会などの会議、啓発等の経費。限度額5万円、補助率100%）',
	'Consensus-building subsidy: preparatory meetings and publicity (limit ¥50,000, 100%)'),
('2', 1, '事務局員に対する支援（1年目は地域協働推進員を配置、2年目以降は地域で雇用し市が費用を支援）',
	'Secretariat staff: a city officer in year 1, then employed by the body at the city''s cost'),
('2', 2, '「地域づくり計画」の策定支援（要請に応じて会議等に市の職員を派遣）',
	'Help drawing up the plan: city staff sent to meetings on request'),
('2', 3, '地域協働体支援事業費補助金（計画策定までの活動。限度額20万円、補助率2/3）',
	'Support subsidy for activities until the plan is adopted (limit ¥200,000, 2/3)'),
('3', 1, '地域づくり計画に基づく事業に対する交付金（地域協働体活動費補助金）',
	'Grant for plan-based projects (community body activity subsidy)'),
('3', 2, '公民館の市民センターへの移行（学びと地域づくり活動の一体化）',
	'The hall becomes a citizen center (learning and community work together)'),
('3', 3, '市民センターの地域による管理', 'Management of the center by the community'),
('3', 4, '「地域担当職員」の配置（地域と行政のパイプ役）',
	'An assigned city officer as the link between the body and the city');

CREATE TABLE application (
	uuid TEXT PRIMARY KEY, origin TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL, updated_by TEXT NOT NULL,
	program     TEXT NOT NULL,
	program_id  TEXT REFERENCES programme (uuid),
	fy          INTEGER NOT NULL,
	title       TEXT NOT NULL,
	cost        INTEGER NOT NULL,
	requested   INTEGER NOT NULL,
	project     TEXT,
	project_id  TEXT REFERENCES project (uuid),
	status      TEXT NOT NULL DEFAULT 'draft',   -- draft, applied, reported, withdrawn
	applied_on  TEXT,
	reported_on TEXT
);
CREATE INDEX application_by_fy ON application (fy);

-- The city's side of an application: one row per application, city-owned.
CREATE TABLE decision (
	uuid TEXT PRIMARY KEY, origin TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL, updated_by TEXT NOT NULL,
	application    TEXT NOT NULL,          -- the application's uuid
	center         TEXT NOT NULL,          -- the application's origin
	decided_amount INTEGER,
	decided_on     TEXT,
	conditions     TEXT,
	advance_amount INTEGER,                -- 概算払
	advance_on     TEXT,
	final_amount   INTEGER,                -- 額の確定
	settled_on     TEXT,
	paid_amount    INTEGER,
	paid_on        TEXT
);
CREATE UNIQUE INDEX decision_by_application ON decision (application) WHERE deleted = 0;

CREATE TABLE expense (
	uuid TEXT PRIMARY KEY, origin TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL, updated_by TEXT NOT NULL,
	application    TEXT NOT NULL,
	application_id TEXT REFERENCES application (uuid),
	date           TEXT NOT NULL,
	item           TEXT NOT NULL,
	amount         INTEGER NOT NULL,
	receipt        TEXT
);
CREATE INDEX expense_by_application ON expense (application_id, date);
