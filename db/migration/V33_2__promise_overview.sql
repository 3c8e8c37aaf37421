-- Progress in one place (issue #13): each commitment's progress (commitment_progress, the promise
-- module's own) and each promise's (promise_overview, published: the national overview reads it per
-- municipality). The rules are Progress's, unchanged: a countable target counts the linked
-- activities of its kind that have taken place, at most 100 %; any other commitment the share of its
-- published, not rejected measures that are done; a promise the mean of its commitments by weight.
CREATE VIEW commitment_progress AS
SELECT c.id AS commitment_id, c.promise_id, c.weight, counted.activities_done,
       COALESCE(linked.measures_counted, 0) AS measures_counted, COALESCE(linked.measures_done, 0) AS measures_done,
       CASE WHEN c.target_count IS NOT NULL THEN LEAST(1.0, counted.activities_done::numeric / c.target_count)
            WHEN linked.measures_counted > 0 THEN linked.measures_done::numeric / linked.measures_counted
            ELSE 0 END AS progress
FROM commitment c
-- The measures in one pass over the links (a country's promises link tens of thousands).
LEFT JOIN (
  SELECT mc.commitment_id, count(*) FILTER (WHERE m.status <> 'rejected') AS measures_counted,
         count(*) FILTER (WHERE m.status = 'done') AS measures_done
  FROM measure_commitment mc JOIN measure_overview m ON m.id = mc.measure_id
  WHERE m.published
  GROUP BY mc.commitment_id) linked ON linked.commitment_id = c.id
-- The activities of the target's kind (none without a target): few, counted per commitment.
CROSS JOIN LATERAL (
  SELECT CASE WHEN c.target_activity IS NULL THEN 0 ELSE (
    SELECT count(*) FROM activity_commitment ac JOIN activity_overview a ON a.id = ac.activity_id
    WHERE ac.commitment_id = c.id AND a.kind = c.target_activity
      AND (c.target_operation_kind IS NULL OR a.operation_kind = c.target_operation_kind)
      AND a.starts_on <= current_date) END AS activities_done) counted;

-- A promise: whose it is, its period, its progress (0–1), and how many of its commitments are done.
CREATE VIEW promise_overview AS
SELECT p.id, p.municipality_id, p.period_start, p.period_end, p.party,
       COALESCE(sum(cp.weight * cp.progress) / sum(cp.weight), 0) AS progress,
       count(cp.commitment_id) AS commitments,
       count(cp.commitment_id) FILTER (WHERE cp.progress >= 1) AS commitments_done
FROM promise p
LEFT JOIN commitment_progress cp ON cp.promise_id = p.id
GROUP BY p.id;
