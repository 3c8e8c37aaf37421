-- One MVT tile of published places at z14, its public attributes, as a PostGIS expert writes it.
\set i random(1, 1000)
SELECT ST_AsMVT(t, 'places')
FROM (SELECT p.id, p.name, p.status, ST_AsMVTGeom(ST_Transform(p.geom, 3857), ST_TileEnvelope(14, v.tx, v.ty)) AS geom
      FROM bench_viewport v
      JOIN unsafe_place p ON p.published
       AND p.geom && ST_Transform(ST_TileEnvelope(14, v.tx, v.ty, margin => 0.015625), 4326)
      WHERE v.i = :i) t;
