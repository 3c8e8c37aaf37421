-- Drafts: a place or measure that is not published is seen by the police and planners only.
-- Everything that exists now was public, so it stays published.
ALTER TABLE unsafe_place ADD COLUMN published boolean NOT NULL DEFAULT true;
ALTER TABLE measure ADD COLUMN published boolean NOT NULL DEFAULT true;

-- Where a measure is: its own geometry, else the union of its places' (geom, for staff), or of its
-- published places' (published_geom, for the public), so that a draft place shows through nothing.
CREATE OR REPLACE VIEW measure_extent AS
SELECT m.id AS measure_id,
       COALESCE(m.geom, (SELECT ST_Union(p.geom)
                         FROM measure_place mp JOIN unsafe_place p ON p.id = mp.place_id
                         WHERE mp.measure_id = m.id)) AS geom,
       COALESCE(m.geom, (SELECT ST_Union(p.geom)
                         FROM measure_place mp JOIN unsafe_place p ON p.id = mp.place_id
                         WHERE mp.measure_id = m.id AND p.published)) AS published_geom
FROM measure m;
