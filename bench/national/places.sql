-- Published places in a viewport with the public properties the app gives (reasons, districts as
-- stored, published measures), as a PostGIS expert writes it: bbox on the GiST index, json_agg.
\set i random(1, 1000)
SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
  'type', 'Feature', 'id', p.id, 'geometry', ST_AsGeoJSON(p.geom, 7)::json,
  'properties', json_build_object('id', p.id, 'name', p.name, 'description', p.description,
    'reasons', ARRAY(SELECT r.reason FROM unsafe_place_reason r WHERE r.place_id = p.id ORDER BY 1),
    'source', p.source, 'status', p.status, 'neighbourhood', s.neighbourhood,
    'neighbourhoods', COALESCE(s.neighbourhoods, '[]'::json),
    'measureIds', ARRAY(SELECT mp.measure_id FROM measure_place mp JOIN measure m ON m.id = mp.measure_id
                        WHERE mp.place_id = p.id AND m.published ORDER BY 1),
    'createdAt', p.created_at, 'updatedAt', p.updated_at, 'version', p.version))), '[]'::json))::text
FROM bench_viewport v
JOIN unsafe_place p ON p.published AND p.municipality_id = v.municipality_id
 AND p.geom && ST_MakeEnvelope(v.min_lon, v.min_lat, v.max_lon, v.max_lat, 4326)
LEFT JOIN place_district_name s ON s.place_id = p.id
WHERE v.i = :i;
