-- Police regions (issue #13): a named set of municipalities that one grant may cover
-- (role_grant.scope 'region:<slug>'), e.g. Polisregion Öst. Installation admins define them.
CREATE TABLE police_region (
  id   bigserial PRIMARY KEY,
  slug varchar(80)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name varchar(100) NOT NULL CHECK (btrim(name) <> '')
);

CREATE TABLE police_region_member (
  region_id       bigint NOT NULL REFERENCES police_region (id) ON DELETE CASCADE,
  municipality_id bigint NOT NULL REFERENCES municipality (id) ON DELETE CASCADE,
  PRIMARY KEY (region_id, municipality_id)
);
CREATE INDEX police_region_member_municipality_idx ON police_region_member (municipality_id);
