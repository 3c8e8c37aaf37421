-- The place module's view for other modules gains the place's status (issue #11): a walk's protocol
-- says what became of each stop, the place and how far it is addressed.
CREATE OR REPLACE VIEW place_overview AS
SELECT id, name, geom, published, status FROM unsafe_place;
