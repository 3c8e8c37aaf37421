-- Where a measure is, stored when it changes rather than made on every read (issue #13: the view
-- measure_extent unioned every measure's places on every request): its own geometry, else the union
-- of its places' (extent, for staff) or of its published places' (published_extent, for the public,
-- so that a draft place shows through nothing). Kept current in the writing transaction: by the
-- triggers below when a measure's geometry or its links change, and by the measure module when a place
-- moves or is (un)published (an event the place module publishes).
ALTER TABLE measure
  ADD COLUMN extent           geometry(Geometry, 4326),
  ADD COLUMN published_extent geometry(Geometry, 4326);
CREATE INDEX measure_extent_idx ON measure USING gist (extent);
CREATE INDEX measure_published_extent_idx ON measure USING gist (published_extent);

-- The districts a measure lies in (those of its municipality its extent meets), stored beside it
-- with its status, and public when the public sees it there (it is published and its published
-- extent meets the district), so that a district's counts by status are read from one index alone.
CREATE TABLE measure_district (
  measure_id       bigint NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  neighbourhood_id bigint NOT NULL REFERENCES neighbourhood (id) ON DELETE CASCADE,
  status           varchar(20) NOT NULL,
  public           boolean NOT NULL,
  PRIMARY KEY (measure_id, neighbourhood_id)
);
CREATE INDEX measure_district_neighbourhood_idx ON measure_district (neighbourhood_id, public, status);

-- The extents and districts of these measures, anew.
CREATE FUNCTION measure_extent_refresh(measure_ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(measure_ids) = 0 THEN
    RETURN;
  END IF;
  UPDATE measure m SET extent = x.extent, published_extent = x.published_extent
  FROM (SELECT o.id,
               COALESCE(o.geom, (SELECT ST_Union(p.geom) FROM measure_place mp JOIN place_overview p ON p.id = mp.place_id
                                 WHERE mp.measure_id = o.id)) AS extent,
               COALESCE(o.geom, (SELECT ST_Union(p.geom) FROM measure_place mp JOIN place_overview p ON p.id = mp.place_id
                                 WHERE mp.measure_id = o.id AND p.published)) AS published_extent
        FROM measure o WHERE o.id = ANY (measure_ids)) x
  WHERE m.id = x.id
    AND (m.extent IS DISTINCT FROM x.extent OR m.published_extent IS DISTINCT FROM x.published_extent);
  DELETE FROM measure_district WHERE measure_id = ANY (measure_ids);
  INSERT INTO measure_district (measure_id, neighbourhood_id, status, public)
  SELECT m.id, n.id, m.status, m.published AND COALESCE(ST_Intersects(n.geom, m.published_extent), false)
  FROM measure m JOIN neighbourhood_overview n
    ON n.municipality_id = m.municipality_id AND ST_Intersects(n.geom, m.extent)
  WHERE m.id = ANY (measure_ids);
END
$$;

-- The measures in this district, anew: after it is made or its boundary changes.
CREATE FUNCTION measure_district_refresh_district(district_id bigint) RETURNS void LANGUAGE sql AS $$
  DELETE FROM measure_district WHERE neighbourhood_id = district_id;
  INSERT INTO measure_district (measure_id, neighbourhood_id, status, public)
  SELECT m.id, n.id, m.status, m.published AND COALESCE(ST_Intersects(n.geom, m.published_extent), false)
  FROM neighbourhood_overview n JOIN measure m
    ON m.municipality_id = n.municipality_id AND ST_Intersects(n.geom, m.extent)
  WHERE n.id = district_id;
$$;

-- Every measure's extent and districts at once: for a bulk load that wrote measures, links, places
-- or districts with plain SQL (after place_district_rebuild is no need: this reads the places).
CREATE FUNCTION measure_extent_rebuild() RETURNS void LANGUAGE sql AS $$
  WITH unioned AS (
    SELECT mp.measure_id, ST_Union(p.geom) AS extent, ST_Union(p.geom) FILTER (WHERE p.published) AS published_extent
    FROM measure_place mp JOIN place_overview p ON p.id = mp.place_id
    GROUP BY mp.measure_id)
  UPDATE measure m SET extent = COALESCE(m.geom, x.extent), published_extent = COALESCE(m.geom, x.published_extent)
  FROM (SELECT o.id, u.extent, u.published_extent FROM measure o LEFT JOIN unioned u ON u.measure_id = o.id) x
  WHERE m.id = x.id;
  TRUNCATE measure_district;
  INSERT INTO measure_district (measure_id, neighbourhood_id, status, public)
  SELECT m.id, n.id, m.status, m.published AND COALESCE(ST_Intersects(n.geom, m.published_extent), false)
  FROM measure m JOIN neighbourhood_overview n
    ON n.municipality_id = m.municipality_id AND ST_Intersects(n.geom, m.extent);
  ANALYZE measure;
  ANALYZE measure_district;
$$;

-- A new measure, or one whose geometry, municipality, status or publication changed: its extent and
-- districts anew. The extent's own update changes none of these, so it stops there.
CREATE FUNCTION measure_extent_measure_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM measure_extent_refresh(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM measure_extent_refresh(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE o.geom IS DISTINCT FROM n.geom OR o.municipality_id <> n.municipality_id OR o.status <> n.status
        OR o.published <> n.published));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER measure_extent_inserted AFTER INSERT ON measure
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measure_extent_measure_changed();
CREATE TRIGGER measure_extent_updated AFTER UPDATE ON measure
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measure_extent_measure_changed();

-- A link made or removed (also when a place is deleted, by its cascade): the measure's extent anew.
CREATE FUNCTION measure_extent_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM measure_extent_refresh(ARRAY(SELECT DISTINCT measure_id FROM changed_links));
  RETURN NULL;
END
$$;
CREATE TRIGGER measure_extent_linked AFTER INSERT ON measure_place
  REFERENCING NEW TABLE AS changed_links FOR EACH STATEMENT EXECUTE FUNCTION measure_extent_links_changed();
CREATE TRIGGER measure_extent_unlinked AFTER DELETE ON measure_place
  REFERENCING OLD TABLE AS changed_links FOR EACH STATEMENT EXECUTE FUNCTION measure_extent_links_changed();

-- The published view keeps its name and columns, now over the stored extents.
CREATE OR REPLACE VIEW measure_extent AS
SELECT id AS measure_id, extent::geometry AS geom, published_extent::geometry AS published_geom FROM measure;

SELECT measure_extent_rebuild();
