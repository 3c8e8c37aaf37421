CREATE TABLE app_user (
  username      varchar(100) PRIMARY KEY,
  password_hash varchar(200) NOT NULL,
  roles         text[]       NOT NULL,
  enabled       boolean      NOT NULL DEFAULT true,
  created_at    timestamptz  NOT NULL DEFAULT now()
);
