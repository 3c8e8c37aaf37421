-- The national overview: every municipality with its published places, districts, published measures
-- by status and its promise periods with commitments done (one with a done measure) of all, as a
-- PostGIS expert writes it (one GROUP BY per count over the indexed municipality_id).
SELECT json_build_object('municipalities', json_agg(json_build_object(
  'slug', m.slug, 'name', m.name, 'code', m.code, 'extent', json_build_array(m.min_lon, m.min_lat, m.max_lon, m.max_lat),
  'places', COALESCE(p.n, 0), 'districts', COALESCE(d.n, 0),
  'measures', json_build_object('total', COALESCE(ms.total, 0), 'proposed', COALESCE(ms.proposed, 0),
    'planned', COALESCE(ms.planned, 0), 'in_progress', COALESCE(ms.in_progress, 0), 'done', COALESCE(ms.done, 0),
    'rejected', COALESCE(ms.rejected, 0)),
  'periods', COALESCE(pe.list, '[]'::json)) ORDER BY m.name))::text
FROM municipality m
LEFT JOIN (SELECT municipality_id, count(*) AS n FROM unsafe_place WHERE published GROUP BY 1) p ON p.municipality_id = m.id
LEFT JOIN (SELECT municipality_id, count(*) AS n FROM neighbourhood GROUP BY 1) d ON d.municipality_id = m.id
LEFT JOIN (SELECT municipality_id, count(*) AS total, count(*) FILTER (WHERE status = 'proposed') AS proposed,
             count(*) FILTER (WHERE status = 'planned') AS planned,
             count(*) FILTER (WHERE status = 'in_progress') AS in_progress,
             count(*) FILTER (WHERE status = 'done') AS done, count(*) FILTER (WHERE status = 'rejected') AS rejected
           FROM measure WHERE published GROUP BY 1) ms ON ms.municipality_id = m.id
LEFT JOIN (SELECT municipality_id, json_agg(json_build_object('periodStart', period_start, 'periodEnd', period_end,
             'commitments', commitments, 'commitmentsDone', done) ORDER BY period_start DESC) AS list
           FROM (SELECT pr.municipality_id, pr.period_start, pr.period_end, count(c.id) AS commitments,
                        count(c.id) FILTER (WHERE EXISTS (SELECT 1 FROM measure_commitment mc JOIN measure x ON x.id = mc.measure_id
                                                          WHERE mc.commitment_id = c.id AND x.status = 'done')) AS done
                 FROM promise pr JOIN commitment c ON c.promise_id = pr.id
                 GROUP BY pr.municipality_id, pr.period_start, pr.period_end) q
           GROUP BY municipality_id) pe ON pe.municipality_id = m.id;
