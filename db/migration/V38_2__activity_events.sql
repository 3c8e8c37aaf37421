-- The activities held (walks, dialogues, police operations), for the feeds residents follow (module
-- notification): kind, title, day and the districts each was in (named, or crossed by its route or area).
CREATE VIEW activity_event AS
SELECT a.id, a.kind, a.title, a.starts_on, a.municipality_id,
       ARRAY(SELECT n.id FROM neighbourhood_overview n
             WHERE n.municipality_id = a.municipality_id
               AND (n.slug IN (SELECT an.slug FROM activity_neighbourhood an WHERE an.activity_id = a.id)
                    OR ST_Intersects(n.geom, a.geom))
             ORDER BY 1) AS neighbourhood_ids
FROM activity a;
