CREATE TABLE measure (
  id               bigserial PRIMARY KEY,
  title            varchar(200) NOT NULL,
  description      text,
  type             varchar(30) NOT NULL CHECK (type IN ('lighting', 'vegetation', 'camera', 'bike_rack', 'patrol',
                   'safety_hosts', 'youth_meeting_place', 'campaign', 'other')),
  owner            varchar(30) NOT NULL CHECK (owner IN ('municipality', 'police', 'joint', 'property_owner')),
  status           varchar(20) NOT NULL CHECK (status IN ('proposed', 'planned', 'in_progress', 'done', 'rejected')),
  rejection_reason text,
  planned_start    date,
  planned_end      date,
  completed_on     date,
  geom             geometry(Geometry, 4326)
                   CHECK (geom IS NULL OR GeometryType(geom) IN ('POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT',
                          'MULTILINESTRING', 'MULTIPOLYGON'))
                   CHECK (geom IS NULL OR ST_IsValid(geom)),
  created_at       timestamptz NOT NULL,
  created_by       varchar(100) NOT NULL,
  updated_at       timestamptz NOT NULL,
  updated_by       varchar(100) NOT NULL,
  version          bigint NOT NULL,
  CONSTRAINT measure_rejected_has_reason CHECK (status <> 'rejected' OR rejection_reason IS NOT NULL),
  CONSTRAINT measure_planned_dates_ordered CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start),
  CONSTRAINT measure_done_has_date CHECK (status <> 'done' OR completed_on IS NOT NULL)
);
CREATE INDEX measure_geom_idx ON measure USING gist (geom);
CREATE INDEX measure_status_idx ON measure (status);

CREATE TABLE measure_place (
  measure_id bigint NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  place_id   bigint NOT NULL REFERENCES unsafe_place (id) ON DELETE CASCADE,
  PRIMARY KEY (measure_id, place_id)
);
CREATE INDEX measure_place_place_idx ON measure_place (place_id);

-- Where a measure is: its own geometry, else the union of its places'.
CREATE VIEW measure_extent AS
SELECT m.id AS measure_id,
       COALESCE(m.geom, (SELECT ST_Union(p.geom)
                         FROM measure_place mp JOIN unsafe_place p ON p.id = mp.place_id
                         WHERE mp.measure_id = m.id)) AS geom
FROM measure m;
