-- The promises (medborgarlöften) as residents follow them (module notification, issue #15): a promise is
-- public once it is saved (promises have no drafts), so the day it was made is the day its follow-up
-- was published; with the districts it names.
CREATE VIEW promise_event AS
SELECT p.id, p.title, p.period_start, p.period_end, p.municipality_id,
       (p.created_at AT TIME ZONE 'Europe/Stockholm')::date AS published_on,
       ARRAY(SELECT n.id FROM neighbourhood_overview n JOIN promise_neighbourhood pn ON pn.slug = n.slug
             WHERE pn.promise_id = p.id AND n.municipality_id = p.municipality_id ORDER BY 1) AS neighbourhood_ids
FROM promise p;
