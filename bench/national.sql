-- The national data set of issue #13, synthetic and seeded, in the app's own schema (run after the
-- app has migrated the database once): 290 municipalities, 2 900 districts, 100 000 places of all
-- geometry types, 50 000 measures linked to them, a promise with five commitments per municipality,
-- 2 000 000 incidents over six years. Usage: psql -v seed=0.42 -f bench/national.sql
-- The same seed gives the same rows on every machine (setseed, then random() in one session).
\set ON_ERROR_STOP on
SELECT setseed(:seed);
SET synchronous_commit = off;
-- What the app stores at write time (districts of places, extents of measures, incident aggregates)
-- is kept by triggers row set by row set; for a bulk load they wait, and the rebuild functions below
-- fill it at once.
ALTER TABLE unsafe_place DISABLE TRIGGER USER;
ALTER TABLE measure DISABLE TRIGGER USER;
ALTER TABLE measure_place DISABLE TRIGGER USER;
ALTER TABLE incident DISABLE TRIGGER USER;

-- Municipalities on a 17 × 18 grid over Sweden's latitudes, each about 25 × 15 km. The default one
-- (the installation's first) becomes number 1, so `/` serves one of them too.
CREATE TEMP TABLE nat_municipality AS
SELECT i, 11.8 + ((i - 1) % 17) * 0.72 AS cx, 55.6 + ((i - 1) / 17) * 0.72 AS cy
FROM generate_series(1, 290) AS i;

UPDATE municipality SET slug = 'kommun-001', name = 'Kommun 001', code = '0001',
  min_lon = 11.8 - 0.22, min_lat = 55.6 - 0.07, max_lon = 11.8 + 0.22, max_lat = 55.6 + 0.07,
  start_lon = NULL, start_lat = NULL, start_zoom = NULL
WHERE is_default;
INSERT INTO municipality (slug, name, code, min_lon, min_lat, max_lon, max_lat, tile_url, tile_attribution,
  max_zoom, is_default, created_at, created_by, updated_at, updated_by, version)
SELECT 'kommun-' || lpad(i::text, 3, '0'), 'Kommun ' || lpad(i::text, 3, '0'), lpad(i::text, 4, '0'),
       cx - 0.22, cy - 0.07, cx + 0.22, cy + 0.07, 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
       '© OpenStreetMap', 19, false, now(), 'bench', now(), 'bench', 0
FROM nat_municipality WHERE i > 1;
ALTER TABLE nat_municipality ADD COLUMN id bigint;
UPDATE nat_municipality n SET id = m.id FROM municipality m WHERE m.code = lpad(n.i::text, 4, '0');

-- Ten districts each, 5 × 2 rectangles over the extent.
INSERT INTO neighbourhood (slug, name, geom, municipality_id, created_at, created_by, updated_at, updated_by, version)
SELECT 'omrade-' || lpad(d::text, 2, '0'), 'Område ' || d,
       ST_Multi(ST_MakeEnvelope(n.cx - 0.22 + ((d - 1) % 5) * 0.088, n.cy - 0.07 + ((d - 1) / 5) * 0.07,
                                n.cx - 0.22 + ((d - 1) % 5 + 1) * 0.088, n.cy - 0.07 + ((d - 1) / 5 + 1) * 0.07, 4326)),
       n.id, now(), 'bench', now(), 'bench', 0
FROM nat_municipality n CROSS JOIN generate_series(1, 10) AS d;

-- Places: most near the town centre (a sum of randoms leans to the middle), six of ten points, two
-- lines of about 100 m, two small areas; nine of ten published.
CREATE TEMP TABLE nat_place AS
SELECT p, n.id AS municipality_id,
       n.cx + (random() + random() + random() - 1.5) * 0.14 AS x,
       n.cy + (random() + random() + random() - 1.5) * 0.045 AS y,
       random() AS shape, random() AS r
FROM generate_series(1, 100000) AS p
JOIN nat_municipality n ON n.i = 1 + (p - 1) % 290;

INSERT INTO unsafe_place (name, description, geom, source, status, published, municipality_id,
  created_at, created_by, updated_at, updated_by, version)
SELECT 'Plats ' || p, 'Upplevs otrygg kvällstid.',
       CASE WHEN shape < 0.6 THEN ST_SetSRID(ST_MakePoint(x, y), 4326)
            WHEN shape < 0.8 THEN ST_SetSRID(ST_MakeLine(ST_MakePoint(x, y), ST_MakePoint(x + 0.0012, y + 0.0004)), 4326)
            ELSE ST_MakeEnvelope(x, y, x + 0.0008, y + 0.0004, 4326) END,
       (ARRAY['safety_walk', 'survey', 'dialogue', 'police', 'resident', 'other'])[1 + floor(r * 6)::int],
       (ARRAY['open', 'being_addressed', 'resolved'])[1 + floor(random() * 3)::int],
       random() < 0.9, municipality_id, now() - interval '3 years' * random(), 'bench', now(), 'bench', 0
FROM nat_place ORDER BY p;

INSERT INTO unsafe_place_reason (place_id, reason)
SELECT id, (ARRAY['poor_lighting', 'overgrown_vegetation', 'crime_exposed', 'gathering_place', 'poor_visibility',
                  'vandalism', 'traffic', 'other'])[1 + (id % 8)::int]
FROM unsafe_place WHERE created_by = 'bench';

-- Measures: one for every two places, each linked to one to three places of its municipality (its
-- place and the next ones, made in the same municipality), one in five with a point of its own.
CREATE TEMP TABLE nat_measure AS
SELECT row_number() OVER (ORDER BY id) AS k, id AS place_id, municipality_id, ST_PointOnSurface(geom) AS at
FROM unsafe_place WHERE created_by = 'bench' AND id % 2 = 0;

INSERT INTO measure (title, description, type, owner, status, rejection_reason, planned_start, planned_end,
  completed_on, geom, published, municipality_id, created_at, created_by, updated_at, updated_by, version)
SELECT 'Åtgärd ' || k, 'Synthetic measure', s.type, s.owner, s.status,
       CASE WHEN s.status = 'rejected' THEN 'Ingen budget' END,
       date '2022-01-01' + (k % 1000)::int, date '2022-06-01' + (k % 1000)::int,
       CASE WHEN s.status = 'done' THEN date '2022-06-01' + (k % 1000)::int END,
       CASE WHEN k % 5 = 0 THEN at END, random() < 0.9, municipality_id, now(), 'bench', now(), 'bench', 0
FROM nat_measure
CROSS JOIN LATERAL (SELECT
  (ARRAY['lighting', 'vegetation', 'camera', 'bike_rack', 'patrol', 'safety_hosts', 'youth_meeting_place',
         'campaign', 'other'])[1 + (k % 9)::int] AS type,
  (ARRAY['municipality', 'police', 'joint', 'property_owner'])[1 + (k % 4)::int] AS owner,
  (ARRAY['proposed', 'planned', 'in_progress', 'done', 'done', 'rejected'])[1 + floor(random() * 6)::int] AS status) s
ORDER BY k;

ALTER TABLE nat_measure ADD COLUMN measure_id bigint;
UPDATE nat_measure n SET measure_id = m.id
FROM (SELECT id, row_number() OVER (ORDER BY id) AS k FROM measure WHERE created_by = 'bench') m WHERE m.k = n.k;
-- Places were made round-robin over the municipalities: the same municipality's next place is 290 ids on.
INSERT INTO measure_place (measure_id, place_id)
SELECT n.measure_id, p.id
FROM nat_measure n
CROSS JOIN generate_series(0, (n.k % 3)::int) AS step
JOIN unsafe_place p ON p.id = n.place_id + step * 290 AND p.municipality_id = n.municipality_id
ON CONFLICT DO NOTHING;

-- A promise per municipality for 2024–2025 with five commitments, and measures serving them.
INSERT INTO promise (period_start, period_end, party, title, body, municipality_id, created_at, created_by,
  updated_at, updated_by, version)
SELECT 2024, 2025, 'joint', 'Medborgarlöfte 2024–2025', 'Tryggare centrum.', id, now(), 'bench', now(), 'bench', 0
FROM nat_municipality;
INSERT INTO commitment (promise_id, position, party, text, created_at, created_by, updated_at, updated_by, version)
SELECT p.id, c, (ARRAY['police', 'municipality', 'joint'])[1 + c % 3], 'Åtagande ' || c, now(), 'bench', now(), 'bench', 0
FROM promise p CROSS JOIN generate_series(1, 5) AS c WHERE p.created_by = 'bench';
INSERT INTO measure_commitment (measure_id, commitment_id)
SELECT n.measure_id, c.id
FROM nat_measure n
JOIN promise p ON p.municipality_id = n.municipality_id AND p.created_by = 'bench'
JOIN commitment c ON c.promise_id = p.id AND c.position = 1 + n.k % 5
WHERE n.k % 4 = 0;

-- Incidents: two million over 2020–2025, around the town centres, categories skewed to the common ones.
INSERT INTO incident (occurred_from, category, geom, grid_x, grid_y, source, source_id, imported_by, imported_at,
  municipality_id)
SELECT at, category, geom, floor(ST_X(grid) / 250)::int, floor(ST_Y(grid) / 250)::int, 'polisen', 'N-' || i,
       'bench', now(), municipality_id
FROM (
  SELECT s.k AS i, n.id AS municipality_id,
         timestamptz '2020-01-01' + interval '6 years' * random() AS at,
         (ARRAY['bike_theft', 'vandalism', 'theft', 'theft', 'drug_offence', 'assault', 'disturbance', 'burglary',
                'robbery', 'harassment', 'weapon', 'traffic', 'other'])[1 + floor(random() * 13)::int] AS category,
         g.geom, ST_Transform(g.geom, 3006) AS grid
  FROM generate_series(1, 2000000) AS s(k)
  JOIN nat_municipality n ON n.i = 1 + (s.k - 1) % 290
  CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(n.cx + (random() + random() - 1) * 0.12,
                                                     n.cy + (random() + random() - 1) * 0.04), 4326) AS geom) g
) rows;

-- What the app stores at write time, filled at once for rows made here (each module's rebuild
-- function, where the module has one).
ALTER TABLE unsafe_place ENABLE TRIGGER USER;
ALTER TABLE measure ENABLE TRIGGER USER;
ALTER TABLE measure_place ENABLE TRIGGER USER;
ALTER TABLE incident ENABLE TRIGGER USER;
DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['place_district_rebuild', 'measure_extent_rebuild', 'incident_aggregate_rebuild'] LOOP
    IF to_regproc(f) IS NOT NULL THEN
      RAISE NOTICE 'rebuilding: %', f;
      EXECUTE 'SELECT ' || f || '()';
    END IF;
  END LOOP;
END $$;

-- The requests of the benchmark: 1 000 viewports of 0.03° × 0.015° around random published places,
-- with their municipality, and the z14 tile each centre falls in. The app and the raw SQL both pick
-- from these, so both answer the same questions.
DROP TABLE IF EXISTS bench_viewport;
CREATE TABLE bench_viewport AS
SELECT row_number() OVER () AS i, m.slug, m.id AS municipality_id,
       x - 0.015 AS min_lon, y - 0.0075 AS min_lat, x + 0.015 AS max_lon, y + 0.0075 AS max_lat,
       floor((x + 180) / 360 * 16384)::int AS tx,
       floor((1 - ln(tan(radians(y)) + 1 / cos(radians(y))) / pi()) / 2 * 16384)::int AS ty
FROM (SELECT ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y, municipality_id
      FROM unsafe_place WHERE created_by = 'bench' AND published ORDER BY random() LIMIT 1000) p
JOIN municipality m ON m.id = p.municipality_id;
ALTER TABLE bench_viewport ADD PRIMARY KEY (i);

VACUUM ANALYZE municipality, neighbourhood, unsafe_place, unsafe_place_reason, place_district, place_district_name, measure,
  measure_place, measure_district, promise, commitment, measure_commitment, incident, incident_aggregate, bench_viewport;
SELECT (SELECT count(*) FROM municipality) AS municipalities, (SELECT count(*) FROM neighbourhood) AS districts,
       (SELECT count(*) FROM unsafe_place) AS places, (SELECT count(*) FROM measure) AS measures,
       (SELECT count(*) FROM measure_place) AS links, (SELECT count(*) FROM incident) AS incidents;
