-- Which reporters have been told that a measure at the place their report became was planned or done
-- (issue #15): each once per report, measure and status, so a note added later sends nothing again.
CREATE TABLE report_measure_notice (
  report_id  bigint NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  measure_id bigint NOT NULL,
  status     varchar(20) NOT NULL CHECK (status IN ('planned', 'done')),
  PRIMARY KEY (report_id, measure_id, status)
);
