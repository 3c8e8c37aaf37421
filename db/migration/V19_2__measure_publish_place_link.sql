-- The measure module's view of which measures serve which places (issue #11): a walk's protocol lists
-- the measures taken at the place a stop became.
CREATE VIEW measure_place_link AS
SELECT measure_id, place_id FROM measure_place;
