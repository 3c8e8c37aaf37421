-- Accounts for running Trygghetskartan for real (issue #10): role grants as rows, personal access
-- tokens, failed logins for throttling, and the sessions every app instance shares.

-- Users. A user who signs in through single sign-on has no password here (password_hash NULL) and
-- names the client registration that created it (sso_registration). id and version give the change
-- history a subject and a sequence, as for every other item with a history.
ALTER TABLE app_user
  ALTER COLUMN password_hash DROP NOT NULL,
  ADD COLUMN id                   bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  ADD COLUMN version              bigint       NOT NULL DEFAULT 0,
  ADD COLUMN display_name         varchar(200),
  ADD COLUMN must_change_password boolean      NOT NULL DEFAULT false,
  ADD COLUMN password_changed_at  timestamptz,
  ADD COLUMN sso_registration     varchar(100),
  ADD COLUMN last_login_at        timestamptz,
  ADD COLUMN updated_at           timestamptz  NOT NULL DEFAULT now();

-- What a user may do, one row per grant. The scope is '*' (this whole installation) today; grants
-- per municipality or police region will be further scopes (e.g. 'municipality:0483'), so the
-- national-scale issue needs new rows, not a new model.
CREATE TABLE role_grant (
  username   varchar(100) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE ON UPDATE CASCADE,
  scope      varchar(100) NOT NULL DEFAULT '*',
  role       varchar(20)  NOT NULL CHECK (role IN ('planner', 'police', 'admin')),
  granted_at timestamptz  NOT NULL DEFAULT now(),
  PRIMARY KEY (username, scope, role)
);
CREATE INDEX role_grant_role_idx ON role_grant (role, scope);

INSERT INTO role_grant (username, scope, role)
SELECT u.username, '*', lower(r.role) FROM app_user u CROSS JOIN LATERAL unnest(u.roles) AS r(role);
ALTER TABLE app_user DROP COLUMN roles;

-- Personal access tokens for QGIS and scripts. Only a SHA-256 of the token is kept (the token is
-- 256 random bits, so a fast hash is as safe as a slow one and costs nothing per request); prefix is
-- its first characters, to tell tokens apart in lists.
CREATE TABLE access_token (
  id           bigserial PRIMARY KEY,
  username     varchar(100) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE ON UPDATE CASCADE,
  name         varchar(100) NOT NULL,
  token_hash   char(64)     NOT NULL UNIQUE,
  prefix       varchar(20)  NOT NULL,
  created_at   timestamptz  NOT NULL DEFAULT now(),
  expires_at   timestamptz  NOT NULL,
  last_used_at timestamptz,
  revoked_at   timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX access_token_username_idx ON access_token (username);

-- Failed logins of the last minutes, shared by every instance; rows older than the throttling
-- window are deleted as new attempts come. Unlogged: after a crash the counters start again from
-- nothing, which costs an attacker's guesses nothing worth a write-ahead log per failed login.
CREATE UNLOGGED TABLE login_failure (
  id        bigserial PRIMARY KEY,
  username  varchar(100),
  address   varchar(100) NOT NULL,
  failed_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_username_idx ON login_failure (username, failed_at);
CREATE INDEX login_failure_address_idx ON login_failure (address, failed_at);
CREATE INDEX login_failure_failed_at_idx ON login_failure (failed_at);

-- Spring Session JDBC (its schema-postgresql.sql): sessions in PostgreSQL, so that every instance
-- behind a load balancer knows every session. Flyway owns the schema, so Boot does not create it.
CREATE TABLE spring_session (
  primary_id            char(36)     NOT NULL,
  session_id            char(36)     NOT NULL,
  creation_time         bigint       NOT NULL,
  last_access_time      bigint       NOT NULL,
  max_inactive_interval int          NOT NULL,
  expiry_time           bigint       NOT NULL,
  principal_name        varchar(100),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
  session_primary_id char(36)     NOT NULL,
  attribute_name     varchar(200) NOT NULL,
  attribute_bytes    bytea        NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
    REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
