-- A measure's public timeline: each status it has had, from when, with an optional note to residents
-- ("Beställd av Tekniska förvaltningen"). Written when a measure is saved, so it names no one: the
-- change history (change_record) keeps who did what for staff. position orders the entries.
CREATE TABLE measure_status_change (
  measure_id bigint       NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  position   int          NOT NULL CHECK (position >= 0),
  status     varchar(20)  NOT NULL CHECK (status IN ('proposed', 'planned', 'in_progress', 'done', 'rejected')),
  changed_on date         NOT NULL,
  note       varchar(1000),
  PRIMARY KEY (measure_id, position)
);

-- The timelines of the measures that exist, from their change history: the status each change left,
-- where it differs from the one before (a done measure's date is its completion date).
INSERT INTO measure_status_change (measure_id, position, status, changed_on)
SELECT measure_id, row_number() OVER (PARTITION BY measure_id ORDER BY record_id) - 1, status, changed_on
FROM (
  SELECT record_id, measure_id, status, changed_on, previous
  FROM (
    SELECT cr.id AS record_id, cr.subject_id AS measure_id, cr.snapshot -> 'properties' ->> 'status' AS status,
           CASE WHEN cr.snapshot -> 'properties' ->> 'status' = 'done'
                     AND cr.snapshot -> 'properties' ->> 'completedOn' IS NOT NULL
                THEN (cr.snapshot -> 'properties' ->> 'completedOn')::date
                ELSE (cr.changed_at AT TIME ZONE 'Europe/Stockholm')::date END AS changed_on,
           lag(cr.snapshot -> 'properties' ->> 'status') OVER (PARTITION BY cr.subject_id ORDER BY cr.id) AS previous
    FROM change_record cr JOIN measure m ON m.id = cr.subject_id
    WHERE cr.subject_type = 'measure' AND cr.action IN ('created', 'updated')
  ) recorded
  WHERE previous IS DISTINCT FROM status AND status IS NOT NULL
) changes;

-- Any measure without a recorded history starts its timeline with the status it has.
INSERT INTO measure_status_change (measure_id, position, status, changed_on)
SELECT m.id, 0, m.status, COALESCE(m.completed_on, (m.updated_at AT TIME ZONE 'Europe/Stockholm')::date)
FROM measure m
WHERE NOT EXISTS (SELECT 1 FROM measure_status_change s WHERE s.measure_id = m.id);
