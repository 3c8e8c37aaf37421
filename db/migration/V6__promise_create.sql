-- Medborgarlöften: a promise covers a period and holds commitments (löftespunkter).
CREATE TABLE promise (
  id           bigserial PRIMARY KEY,
  period_start smallint NOT NULL CHECK (period_start BETWEEN 2000 AND 2100),
  period_end   smallint NOT NULL,
  party        varchar(20) NOT NULL CHECK (party IN ('police', 'municipality', 'joint')),
  title        varchar(300) NOT NULL,
  body         text,
  created_at   timestamptz NOT NULL,
  created_by   varchar(100) NOT NULL,
  updated_at   timestamptz NOT NULL,
  updated_by   varchar(100) NOT NULL,
  version      bigint NOT NULL,
  CONSTRAINT promise_period_ordered CHECK (period_end >= period_start)
);
CREATE INDEX promise_period_idx ON promise (period_start, period_end);

CREATE TABLE promise_neighbourhood (
  promise_id bigint NOT NULL REFERENCES promise (id) ON DELETE CASCADE,
  slug       varchar(80) NOT NULL,
  PRIMARY KEY (promise_id, slug)
);

CREATE TABLE commitment (
  id                    bigserial PRIMARY KEY,
  promise_id            bigint NOT NULL REFERENCES promise (id) ON DELETE CASCADE,
  position              int NOT NULL DEFAULT 0,
  party                 varchar(20) NOT NULL CHECK (party IN ('police', 'municipality', 'joint')),
  text                  text NOT NULL,
  -- A countable target: at least target_count activities of this kind (and operation kind).
  target_count          int CHECK (target_count > 0),
  target_activity       varchar(20) CHECK (target_activity IN ('safety_walk', 'dialogue', 'police_operation')),
  target_operation_kind varchar(30),
  weight                int NOT NULL DEFAULT 1 CHECK (weight > 0),
  created_at            timestamptz NOT NULL,
  created_by            varchar(100) NOT NULL,
  updated_at            timestamptz NOT NULL,
  updated_by            varchar(100) NOT NULL,
  version               bigint NOT NULL,
  CONSTRAINT commitment_target_complete CHECK ((target_count IS NULL) = (target_activity IS NULL))
);
CREATE INDEX commitment_promise_idx ON commitment (promise_id, position);

-- Measures fulfil commitments; the measure module owns the link.
CREATE TABLE measure_commitment (
  measure_id    bigint NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  commitment_id bigint NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  PRIMARY KEY (measure_id, commitment_id)
);
CREATE INDEX measure_commitment_commitment_idx ON measure_commitment (commitment_id);
