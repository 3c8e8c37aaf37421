-- Public incident statistics read counts kept per municipality, 250 m square of SWEREF 99 TM, month
-- (in Swedish time) and category, never the incidents themselves (issue #13). Only incidents that
-- are not sensitive are counted: sensitive ones are never published. The counts are kept by
-- statement triggers on incident, so every way of writing incidents (an import's batch, an undone
-- import, the demo, plain SQL) changes them in the same statement, whatever wrote it.

-- A square's outline in lon/lat, as the public sees it (a straight-edged envelope between the
-- transformed corners). A standard SQL body, so its functions are resolved now, not by the
-- search_path of whoever calls it (pg_restore runs with an empty one).
CREATE FUNCTION incident_cell(grid_x int, grid_y int) RETURNS geometry
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ST_Transform(ST_MakeEnvelope(grid_x * 250, grid_y * 250, (grid_x + 1) * 250, (grid_y + 1) * 250, 3006), 4326);

-- The month an incident counts in: the first day of its month in Swedish time.
CREATE FUNCTION incident_month(occurred timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN date_trunc('month', occurred AT TIME ZONE 'Europe/Stockholm')::date;

CREATE TABLE incident_aggregate (
  municipality_id bigint NOT NULL,
  month           date NOT NULL CHECK (extract(day FROM month) = 1),
  grid_x          int NOT NULL,
  grid_y          int NOT NULL,
  category        varchar(20) NOT NULL,
  count           int NOT NULL CHECK (count > 0),
  -- The square in lon/lat, stored so that a bbox or a tile finds its squares by the index below.
  cell            geometry(Polygon, 4326) NOT NULL,
  PRIMARY KEY (municipality_id, month, grid_x, grid_y, category)
);
CREATE INDEX incident_aggregate_cell_idx ON incident_aggregate USING gist (cell);

-- The rows a statement added (or removed, with sign -1), counted into the aggregates in key order,
-- so that two imports touching the same squares wait for each other rather than deadlock.
CREATE FUNCTION incident_aggregate_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_aggregate AS a (municipality_id, month, grid_x, grid_y, category, count, cell)
  SELECT municipality_id, incident_month(occurred_from) AS m, grid_x, grid_y, category, count(*),
         incident_cell(grid_x, grid_y)
  FROM added WHERE NOT sensitive
  GROUP BY municipality_id, m, grid_x, grid_y, category
  ORDER BY municipality_id, m, grid_x, grid_y, category
  ON CONFLICT (municipality_id, month, grid_x, grid_y, category) DO UPDATE SET count = a.count + excluded.count;
  RETURN NULL;
END $$;

CREATE FUNCTION incident_aggregate_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM incident_aggregate a
  JOIN (SELECT municipality_id, incident_month(occurred_from) AS month, grid_x, grid_y, category
        FROM removed WHERE NOT sensitive GROUP BY 1, 2, 3, 4, 5) g USING (municipality_id, month, grid_x, grid_y, category)
  ORDER BY a.municipality_id, a.month, a.grid_x, a.grid_y, a.category FOR UPDATE OF a;
  -- Counts that drop to 0 go; the others are lowered.
  DELETE FROM incident_aggregate a
  USING (SELECT municipality_id, incident_month(occurred_from) AS month, grid_x, grid_y, category, count(*) AS n
         FROM removed WHERE NOT sensitive GROUP BY 1, 2, 3, 4, 5) g
  WHERE (a.municipality_id, a.month, a.grid_x, a.grid_y, a.category)
      = (g.municipality_id, g.month, g.grid_x, g.grid_y, g.category)
    AND a.count <= g.n;
  UPDATE incident_aggregate a SET count = a.count - g.n
  FROM (SELECT municipality_id, incident_month(occurred_from) AS month, grid_x, grid_y, category, count(*) AS n
        FROM removed WHERE NOT sensitive GROUP BY 1, 2, 3, 4, 5) g
  WHERE (a.municipality_id, a.month, a.grid_x, a.grid_y, a.category)
      = (g.municipality_id, g.month, g.grid_x, g.grid_y, g.category);
  RETURN NULL;
END $$;

CREATE TRIGGER incident_aggregate_insert AFTER INSERT ON incident
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION incident_aggregate_added();
CREATE TRIGGER incident_aggregate_delete AFTER DELETE ON incident
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION incident_aggregate_removed();
-- An update moves counts: out of the old row's key, into the new one's (both functions run).
CREATE TRIGGER incident_aggregate_update_out AFTER UPDATE ON incident
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION incident_aggregate_removed();
CREATE TRIGGER incident_aggregate_update_in AFTER UPDATE ON incident
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION incident_aggregate_added();

CREATE FUNCTION incident_aggregate_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE incident_aggregate;
  RETURN NULL;
END $$;
CREATE TRIGGER incident_aggregate_truncate AFTER TRUNCATE ON incident
  FOR EACH STATEMENT EXECUTE FUNCTION incident_aggregate_truncated();

-- Counts everything anew from the incidents, e.g. after a bulk load with the triggers disabled
-- (`ALTER TABLE incident DISABLE TRIGGER USER` … `ENABLE TRIGGER USER`). Safe to run at any time:
-- writes to incident wait while it counts. Returns how many aggregate rows there are.
CREATE FUNCTION incident_aggregate_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  counted bigint;
BEGIN
  LOCK TABLE incident IN SHARE MODE;
  TRUNCATE incident_aggregate;
  INSERT INTO incident_aggregate (municipality_id, month, grid_x, grid_y, category, count, cell)
  SELECT municipality_id, m, grid_x, grid_y, category, n, incident_cell(grid_x, grid_y)
  FROM (SELECT municipality_id, incident_month(occurred_from) AS m, grid_x, grid_y, category, count(*) AS n
        FROM incident WHERE NOT sensitive
        GROUP BY municipality_id, m, grid_x, grid_y, category) per_key;
  GET DIAGNOSTICS counted = ROW_COUNT;
  RETURN counted;
END $$;

-- The public incident grid, the one place where the privacy rule is applied (IncidentService says
-- the rule in words; its MIN_COUNT is the 5 here): the published count per municipality and square
-- for a year or one month of it, one category or all (null), of one municipality or each (null),
-- within an area in lon/lat or everywhere (null). Per municipality, square and category, a year is
-- published when it reaches 5, a month when it does, except that when the months left unpublished add
-- up to 1-4, the smallest published month is withheld too. A count over all categories is the sum of
-- the published category counts. What the API and the tiles may show of incidents, and nothing else.
CREATE FUNCTION incident_public_grid(of_municipality bigint, within geometry, of_year int, of_month int DEFAULT NULL,
    of_category text DEFAULT NULL)
  RETURNS TABLE (municipality_id bigint, grid_x int, grid_y int, cell geometry, count bigint)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH base AS (
    SELECT a.municipality_id, a.grid_x, a.grid_y, a.category, extract(month FROM a.month)::int AS month,
           a.count AS n, a.cell
    FROM incident_aggregate a
    WHERE (of_municipality IS NULL OR a.municipality_id = of_municipality)
      AND a.month >= make_date(of_year, 1, 1) AND a.month < make_date(of_year + 1, 1, 1)
      AND (of_category IS NULL OR a.category = of_category)
      AND (within IS NULL OR (a.cell && within AND ST_Intersects(a.cell, within)))),
  ranked AS (
    SELECT municipality_id, grid_x, grid_y, category, month, n,
           sum(n) OVER square - COALESCE(sum(n) FILTER (WHERE n >= 5) OVER square, 0) AS hidden,
           row_number() OVER (PARTITION BY municipality_id, grid_x, grid_y, category ORDER BY n >= 5 DESC, n, month)
             AS smallest
    FROM base WINDOW square AS (PARTITION BY municipality_id, grid_x, grid_y, category)),
  published AS (
    SELECT municipality_id, grid_x, grid_y, category, sum(n) AS n FROM base
    WHERE of_month IS NULL GROUP BY municipality_id, grid_x, grid_y, category HAVING sum(n) >= 5
    UNION ALL
    SELECT municipality_id, grid_x, grid_y, category, n FROM ranked
    WHERE of_month IS NOT NULL AND month = of_month AND n >= 5 AND NOT (hidden BETWEEN 1 AND 4 AND smallest = 1))
  SELECT municipality_id, grid_x, grid_y, incident_cell(grid_x, grid_y), sum(n)::bigint
  FROM published GROUP BY municipality_id, grid_x, grid_y
$$;

SELECT incident_aggregate_rebuild();
