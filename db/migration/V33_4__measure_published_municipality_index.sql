-- The national overview (issue #13) counts each municipality's published measures by status: from
-- this index alone (an index-only scan).
CREATE INDEX measure_published_municipality_idx ON measure (municipality_id, status) WHERE published;
