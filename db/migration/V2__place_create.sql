CREATE TABLE unsafe_place (
  id          bigserial PRIMARY KEY,
  name        varchar(200) NOT NULL,
  description text,
  geom        geometry(Geometry, 4326) NOT NULL
              CHECK (GeometryType(geom) IN ('POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON'))
              CHECK (ST_IsValid(geom)),
  source      varchar(20) NOT NULL
              CHECK (source IN ('safety_walk', 'survey', 'dialogue', 'police', 'resident', 'other')),
  status      varchar(20) NOT NULL CHECK (status IN ('open', 'being_addressed', 'resolved')),
  created_at  timestamptz NOT NULL,
  created_by  varchar(100) NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  varchar(100) NOT NULL,
  version     bigint NOT NULL
);
CREATE INDEX unsafe_place_geom_idx ON unsafe_place USING gist (geom);
CREATE INDEX unsafe_place_status_idx ON unsafe_place (status);

CREATE TABLE unsafe_place_reason (
  place_id bigint NOT NULL REFERENCES unsafe_place (id) ON DELETE CASCADE,
  reason   varchar(30) NOT NULL CHECK (reason IN ('poor_lighting', 'overgrown_vegetation', 'crime_exposed',
           'gathering_place', 'poor_visibility', 'vandalism', 'traffic', 'other')),
  PRIMARY KEY (place_id, reason)
);
CREATE INDEX unsafe_place_reason_reason_idx ON unsafe_place_reason (reason);
