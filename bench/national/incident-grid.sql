-- The public incident grid of a viewport for 2024: counts per 250 m square from the aggregates, small
-- counts withheld (the yearly rule: a square and category shows from 5), as a PostGIS expert writes it.
\set i random(1, 1000)
SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
  'type', 'Feature', 'id', grid_x || ':' || grid_y, 'geometry', ST_AsGeoJSON(cell, 6)::json,
  'properties', json_build_object('cell', grid_x || ':' || grid_y, 'count', n)) ORDER BY grid_x, grid_y), '[]'::json))::text
FROM (SELECT grid_x, grid_y, cell, sum(n) AS n
      FROM (SELECT a.grid_x, a.grid_y, a.cell, a.category, sum(a.count) AS n
            FROM bench_viewport v JOIN incident_aggregate a ON a.municipality_id = v.municipality_id
             AND a.month >= date '2024-01-01' AND a.month < date '2025-01-01'
             AND a.cell && ST_MakeEnvelope(v.min_lon, v.min_lat, v.max_lon, v.max_lat, 4326)
            WHERE v.i = :i
            GROUP BY a.grid_x, a.grid_y, a.cell, a.category HAVING sum(a.count) >= 5) c
      GROUP BY grid_x, grid_y, cell) s;
