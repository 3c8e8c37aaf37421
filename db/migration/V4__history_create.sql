-- Every change to places and measures: who, when, what (changed fields with old and new values)
-- and the full state after it (before it, for a deletion).
CREATE TABLE change_record (
  id           bigserial PRIMARY KEY,
  subject_type varchar(30)  NOT NULL,
  subject_id   bigint       NOT NULL,
  version      bigint       NOT NULL,
  action       varchar(10)  NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
  changed_by   varchar(100) NOT NULL,
  changed_at   timestamptz  NOT NULL DEFAULT now(),
  changes      jsonb        NOT NULL,
  snapshot     jsonb        NOT NULL
);
CREATE INDEX change_record_subject_idx ON change_record (subject_type, subject_id, id);
