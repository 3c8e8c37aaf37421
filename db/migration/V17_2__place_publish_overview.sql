-- The place module's view for other modules (issue #12): where a place is and whether the public
-- sees it, for the measures' extent and the links from measures and activities.
CREATE VIEW place_overview AS
SELECT id, name, geom, published FROM unsafe_place;
