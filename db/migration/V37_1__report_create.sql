-- Residents' reports of places where they feel unsafe (issue #15), kept apart from the places until a
-- planner has moderated them: nothing here is public. The reporter's e-mail address is never in an
-- answer; the follow link's token is kept only as its SHA-256.
CREATE TABLE report (
  id                bigserial PRIMARY KEY,
  municipality_id   bigint NOT NULL REFERENCES municipality (id),
  follow_token_hash varchar(64) NOT NULL UNIQUE,
  geom              geometry(Point, 4326) CHECK (geom IS NULL OR ST_IsValid(geom)),
  neighbourhood     varchar(100),
  place_words       varchar(500),
  reasons           text[] NOT NULL,
  times             text[] NOT NULL,
  text              varchar(2000),
  email             varchar(254),
  status            varchar(20) NOT NULL DEFAULT 'received'
                    CHECK (status IN ('received', 'approved', 'merged', 'rejected')),
  rejection         varchar(30)
                    CHECK (rejection IN ('spam', 'not_about_safety', 'outside_municipality', 'personal_data')),
  place_id          bigint REFERENCES unsafe_place (id) ON DELETE SET NULL,
  note              varchar(2000),
  closed_at         timestamptz,
  created_at        timestamptz NOT NULL,
  created_by        varchar(100) NOT NULL,
  updated_at        timestamptz NOT NULL,
  updated_by        varchar(100) NOT NULL,
  version           bigint NOT NULL,
  CHECK (geom IS NOT NULL OR (neighbourhood IS NOT NULL AND place_words IS NOT NULL)),
  CHECK ((status = 'rejected') = (rejection IS NOT NULL))
);
CREATE INDEX report_geom_idx ON report USING gist (geom);
CREATE INDEX report_queue_idx ON report (municipality_id, status, id);

-- One row per report or voice sent, by a keyed hash of the client's address (never the address): the
-- rate limit counts them here, so every instance counts the same.
CREATE TABLE report_submission (
  address_hash varchar(64) NOT NULL,
  sent_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_submission_idx ON report_submission (address_hash, sent_at);

-- The key of that hash, made once per installation, so that a hash cannot be reversed by hashing
-- every address there is.
CREATE TABLE report_address_key (
  key varchar(64) NOT NULL
);
INSERT INTO report_address_key (key)
SELECT md5(random()::text || clock_timestamp()::text) || md5(random()::text || clock_timestamp()::text);
