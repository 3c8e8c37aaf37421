-- The measure module's views for other modules (issue #12): what a measure is and how far it has
-- come, for the promises' progress, the activities' links and the evaluations.
CREATE VIEW measure_overview AS
SELECT id, title, type, owner, status, completed_on, published FROM measure;

-- Where a measure is (unchanged): its own geometry, else the union of its places' (geom, for staff),
-- or of its published places' (published_geom, for the public). The places now come from the view
-- the place module publishes, not from its table.
CREATE OR REPLACE VIEW measure_extent AS
SELECT m.id AS measure_id,
       COALESCE(m.geom, (SELECT ST_Union(p.geom)
                         FROM measure_place mp JOIN place_overview p ON p.id = mp.place_id
                         WHERE mp.measure_id = m.id)) AS geom,
       COALESCE(m.geom, (SELECT ST_Union(p.geom)
                         FROM measure_place mp JOIN place_overview p ON p.id = mp.place_id
                         WHERE mp.measure_id = m.id AND p.published)) AS published_geom
FROM measure m;
