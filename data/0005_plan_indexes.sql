-- The plan's yearly figures per project (activities, participants,
-- volunteers, grant money spent) read from these indexes alone, in their
-- order, without visiting the rows or sorting: ten years of records
-- scattered over the tables made the plan screen wait on hundreds of page
-- reads.
DROP INDEX meeting_by_project;
CREATE INDEX meeting_by_project ON meeting (project_id, deleted, date, attendees)
	WHERE project_id IS NOT NULL;
DROP INDEX event_by_project;
CREATE INDEX event_by_project ON event (project_id, deleted, date, participants, volunteers)
	WHERE project_id IS NOT NULL;
CREATE INDEX application_by_project ON application (project_id, fy, status, uuid, deleted)
	WHERE project_id IS NOT NULL AND deleted = 0;
DROP INDEX expense_by_application;
CREATE INDEX expense_by_application ON expense (application_id, date, deleted, amount);
