-- Safety walks, citizen dialogues and police operations.
CREATE TABLE activity (
  id             bigserial PRIMARY KEY,
  kind           varchar(20) NOT NULL CHECK (kind IN ('safety_walk', 'dialogue', 'police_operation')),
  title          varchar(300) NOT NULL,
  description    text,
  starts_on      date NOT NULL,
  ends_on        date,
  time_of_day    varchar(10) CHECK (time_of_day IN ('day', 'evening')),
  format         varchar(200),
  operation_kind varchar(30) CHECK (operation_kind IN ('patrol', 'dog_search', 'traffic_action',
                 'anti_supply_campaign', 'other')),
  published      boolean NOT NULL DEFAULT false,
  geom           geometry(Geometry, 4326)
                 CHECK (geom IS NULL OR GeometryType(geom) IN ('LINESTRING', 'MULTILINESTRING', 'POLYGON', 'MULTIPOLYGON'))
                 CHECK (geom IS NULL OR ST_IsValid(geom)),
  created_at     timestamptz NOT NULL,
  created_by     varchar(100) NOT NULL,
  updated_at     timestamptz NOT NULL,
  updated_by     varchar(100) NOT NULL,
  version        bigint NOT NULL,
  CONSTRAINT activity_dates_ordered CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CONSTRAINT activity_operation_has_kind CHECK ((kind = 'police_operation') = (operation_kind IS NOT NULL))
);
CREATE INDEX activity_geom_idx ON activity USING gist (geom);
CREATE INDEX activity_kind_date_idx ON activity (kind, starts_on);

CREATE TABLE activity_participant (
  activity_id       bigint NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  participant_group varchar(20) NOT NULL CHECK (participant_group IN ('residents', 'property_owners',
                    'municipality', 'police', 'others')),
  count             int NOT NULL CHECK (count >= 0),
  PRIMARY KEY (activity_id, participant_group)
);

CREATE TABLE activity_neighbourhood (
  activity_id bigint NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  slug        varchar(80) NOT NULL,
  PRIMARY KEY (activity_id, slug)
);

CREATE TABLE activity_commitment (
  activity_id   bigint NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  commitment_id bigint NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, commitment_id)
);
CREATE INDEX activity_commitment_commitment_idx ON activity_commitment (commitment_id);

-- What a dialogue led to.
CREATE TABLE activity_place (
  activity_id bigint NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  place_id    bigint NOT NULL REFERENCES unsafe_place (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, place_id)
);
CREATE TABLE activity_measure (
  activity_id bigint NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  measure_id  bigint NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, measure_id)
);

-- A safety walk's stops: what felt unsafe (and safe) there, and what was proposed.
CREATE TABLE walk_stop (
  id               bigserial PRIMARY KEY,
  activity_id      bigint NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  position         int NOT NULL,
  geom             geometry(Point, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  unsafe           text,
  safe             text,
  proposed_measure text,
  responsible      varchar(30) CHECK (responsible IN ('municipality', 'police', 'joint', 'property_owner')),
  priority         varchar(10) CHECK (priority IN ('high', 'medium', 'low')),
  deadline         date,
  place_id         bigint REFERENCES unsafe_place (id) ON DELETE SET NULL,
  measure_id       bigint REFERENCES measure (id) ON DELETE SET NULL
);
CREATE INDEX walk_stop_activity_idx ON walk_stop (activity_id, position);
