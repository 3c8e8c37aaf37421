-- A place's public description and when it last changed, for the Open311 answers (issue #15): what a
-- planner wrote about the place is the only text of a resident's report that is ever public, and a
-- request's updated_datetime follows its place.
CREATE OR REPLACE VIEW place_overview AS
SELECT id, name, geom, published, status, municipality_id, description, updated_at FROM unsafe_place;
