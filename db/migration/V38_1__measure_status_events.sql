-- What became of the public measures, for the feeds residents follow (module notification): each status a
-- published measure took and the day it did, its note to residents, and the districts it lies in (by the
-- stored measure_district). Drafts never.
CREATE VIEW measure_status_event AS
SELECT c.measure_id, c.position, c.status, c.changed_on, c.note, m.title, m.type, m.municipality_id,
       ARRAY(SELECT d.neighbourhood_id FROM measure_district d WHERE d.measure_id = m.id ORDER BY 1) AS neighbourhood_ids
FROM measure_status_change c
JOIN measure m ON m.id = c.measure_id
WHERE m.published;
