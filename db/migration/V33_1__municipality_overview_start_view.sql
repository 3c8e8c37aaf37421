-- What other modules may read of a municipality gains where its maps start (issue #13): the national
-- overview (GET /api/municipalities) gives each municipality's start view beside its extent.
CREATE OR REPLACE VIEW municipality_overview AS
SELECT id, slug, name, code, is_default, min_lon, min_lat, max_lon, max_lat, start_lon, start_lat, start_zoom
FROM municipality;
