-- Published measures whose published extent meets a viewport, with the public properties the app
-- gives (status changes, places, commitments, districts), as a PostGIS expert writes it.
\set i random(1, 1000)
SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
  'type', 'Feature', 'id', m.id, 'geometry', ST_AsGeoJSON(m.published_extent, 7)::json,
  'properties', json_build_object('id', m.id, 'title', m.title, 'description', m.description, 'type', m.type,
    'owner', m.owner, 'status', m.status, 'rejectionReason', m.rejection_reason, 'plannedStart', m.planned_start,
    'plannedEnd', m.planned_end, 'completedOn', m.completed_on,
    'statusChanges', COALESCE((SELECT json_agg(json_build_object('status', s.status, 'on', s.changed_on, 'note', s.note)
      ORDER BY s.position) FROM measure_status_change s WHERE s.measure_id = m.id), '[]'::json),
    'ownGeometry', ST_AsGeoJSON(m.geom, 7)::json,
    'placeIds', ARRAY(SELECT mp.place_id FROM measure_place mp JOIN unsafe_place p ON p.id = mp.place_id
                      WHERE mp.measure_id = m.id AND p.published ORDER BY 1),
    'commitmentIds', ARRAY(SELECT c.commitment_id FROM measure_commitment c WHERE c.measure_id = m.id ORDER BY 1),
    'neighbourhoods', COALESCE((SELECT json_agg(json_build_object('slug', n.slug, 'name', n.name) ORDER BY n.name)
      FROM measure_district d JOIN neighbourhood n ON n.id = d.neighbourhood_id WHERE d.measure_id = m.id AND d.public),
      '[]'::json),
    'createdAt', m.created_at, 'updatedAt', m.updated_at, 'version', m.version))), '[]'::json))::text
FROM bench_viewport v
JOIN measure m ON m.published AND m.municipality_id = v.municipality_id
 AND m.published_extent && ST_MakeEnvelope(v.min_lon, v.min_lat, v.max_lon, v.max_lat, 4326)
WHERE v.i = :i;
