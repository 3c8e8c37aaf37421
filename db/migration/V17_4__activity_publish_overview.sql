-- The activity module's view for other modules (issue #12): what kind of activity took place when,
-- for the promises' progress.
CREATE VIEW activity_overview AS
SELECT id, kind, operation_kind, title, starts_on, ends_on, published FROM activity;
