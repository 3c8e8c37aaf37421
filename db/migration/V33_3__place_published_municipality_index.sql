-- The national overview (issue #13) counts each municipality's published places: from this index
-- alone (an index-only scan), not from the table with its geometries.
CREATE INDEX unsafe_place_published_municipality_idx ON unsafe_place (municipality_id) WHERE published;
