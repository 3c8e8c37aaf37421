-- Each place's districts, stored when the place or a district changes rather than found by
-- ST_Intersects on every read (issue #13: 100 000 places, 2 900 districts). A place lies in the
-- districts of its own municipality that its geometry meets; holds_point marks the one holding its
-- point on surface, which a place names first. The place's published flag is kept beside it, so that
-- a district's count of places is read from this index alone.
CREATE TABLE place_district (
  place_id         bigint NOT NULL REFERENCES unsafe_place (id) ON DELETE CASCADE,
  neighbourhood_id bigint NOT NULL REFERENCES neighbourhood (id) ON DELETE CASCADE,
  holds_point      boolean NOT NULL,
  published        boolean NOT NULL,
  PRIMARY KEY (place_id, neighbourhood_id)
);
CREATE INDEX place_district_neighbourhood_idx ON place_district (neighbourhood_id, published);

-- What a place's Feature says of its districts, stored beside them so that a view of places reads one
-- row a place: the district named first (the one holding its point on surface, else by name) and all
-- of them by name. Kept by the triggers on place_district below, whatever changed its rows (a place
-- moved, a district made, renamed, moved or deleted).
CREATE TABLE place_district_name (
  place_id       bigint PRIMARY KEY REFERENCES unsafe_place (id) ON DELETE CASCADE,
  neighbourhood  json NOT NULL,
  neighbourhoods json NOT NULL
);

CREATE FUNCTION place_district_name_refresh(place_ids bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM place_district_name WHERE place_id = ANY (place_ids);
  INSERT INTO place_district_name (place_id, neighbourhood, neighbourhoods)
  SELECT d.place_id,
         (array_agg(json_build_object('slug', n.slug, 'name', n.name) ORDER BY d.holds_point DESC, n.name))[1],
         json_agg(json_build_object('slug', n.slug, 'name', n.name) ORDER BY n.name)
  FROM place_district d JOIN neighbourhood_overview n ON n.id = d.neighbourhood_id
  WHERE d.place_id = ANY (place_ids)
  GROUP BY d.place_id;
$$;

CREATE FUNCTION place_district_name_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM place_district_name_refresh(ARRAY(SELECT DISTINCT place_id FROM changed_rows));
  RETURN NULL;
END
$$;
CREATE TRIGGER place_district_name_added AFTER INSERT ON place_district
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION place_district_name_changed();
CREATE TRIGGER place_district_name_removed AFTER DELETE ON place_district
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION place_district_name_changed();

-- The districts of these places, anew.
CREATE FUNCTION place_district_refresh(place_ids bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM place_district WHERE place_id = ANY (place_ids);
  INSERT INTO place_district (place_id, neighbourhood_id, holds_point, published)
  SELECT p.id, n.id, ST_Intersects(n.geom, ST_PointOnSurface(p.geom)), p.published
  FROM unsafe_place p JOIN neighbourhood_overview n
    ON n.municipality_id = p.municipality_id AND ST_Intersects(n.geom, p.geom)
  WHERE p.id = ANY (place_ids);
$$;

-- The places of this district, anew: after it is made or its boundary changes.
CREATE FUNCTION place_district_refresh_district(district_id bigint) RETURNS void LANGUAGE sql AS $$
  DELETE FROM place_district WHERE neighbourhood_id = district_id;
  INSERT INTO place_district (place_id, neighbourhood_id, holds_point, published)
  SELECT p.id, n.id, ST_Intersects(n.geom, ST_PointOnSurface(p.geom)), p.published
  FROM neighbourhood_overview n JOIN unsafe_place p
    ON p.municipality_id = n.municipality_id AND ST_Intersects(n.geom, p.geom)
  WHERE n.id = district_id;
$$;

-- Every place's districts at once: for a bulk load that wrote places or districts with plain SQL.
CREATE FUNCTION place_district_rebuild() RETURNS void LANGUAGE sql AS $$
  TRUNCATE place_district, place_district_name;
  INSERT INTO place_district (place_id, neighbourhood_id, holds_point, published)
  SELECT p.id, n.id, ST_Intersects(n.geom, ST_PointOnSurface(p.geom)), p.published
  FROM unsafe_place p JOIN neighbourhood_overview n
    ON n.municipality_id = p.municipality_id AND ST_Intersects(n.geom, p.geom);
  ANALYZE place_district;
  ANALYZE place_district_name;
$$;

-- Kept current in the writing transaction, whoever writes: a new place, a place moved (or moved to
-- another municipality), a place (un)published. One statement's rows at once, so that a bulk insert
-- costs one spatial join.
CREATE FUNCTION place_district_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM place_district_refresh(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM place_district_refresh(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE o.geom IS DISTINCT FROM n.geom OR o.municipality_id <> n.municipality_id));
    UPDATE place_district d SET published = n.published
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE d.place_id = n.id AND o.published <> n.published AND d.published <> n.published;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER place_district_inserted AFTER INSERT ON unsafe_place
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION place_district_changed();
CREATE TRIGGER place_district_updated AFTER UPDATE ON unsafe_place
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION place_district_changed();

SELECT place_district_rebuild();
