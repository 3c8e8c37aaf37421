-- Module boundaries in SQL (issue #12): a module's tables are its own, and other modules read them
-- only through views the owning module publishes in its own migration. The neighbourhood module's:
-- what a district is, for places, measures, activities, promises, incidents and the survey.
CREATE VIEW neighbourhood_overview AS
SELECT id, slug, name, geom FROM neighbourhood;
