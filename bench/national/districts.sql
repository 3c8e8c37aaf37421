-- A municipality's districts with their public counts (published places, public measures by status),
-- from the stored districts of places and measures, as a PostGIS expert writes it.
\set i random(1, 1000)
SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
  'type', 'Feature', 'id', n.slug, 'geometry', ST_AsGeoJSON(n.geom, 6)::json,
  'properties', json_build_object('slug', n.slug, 'name', n.name, 'description', n.description,
    'placeCount', (SELECT count(*) FROM place_district d WHERE d.neighbourhood_id = n.id AND d.published),
    'measureCount', (SELECT count(*) FROM measure_district d WHERE d.neighbourhood_id = n.id AND d.public),
    'measuresByStatus', (SELECT json_object_agg(d.status, d.c) FROM (SELECT status, count(*) AS c FROM measure_district
                           WHERE neighbourhood_id = n.id AND public GROUP BY status) d),
    'version', n.version)) ORDER BY n.name), '[]'::json))::text
FROM bench_viewport v JOIN neighbourhood n ON n.municipality_id = v.municipality_id
WHERE v.i = :i;
