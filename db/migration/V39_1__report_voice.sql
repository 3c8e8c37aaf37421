-- One voice per client address and place (issue #15): the same address adding its voice to the same
-- place again is answered alike but not counted. As for the rate limit, only a keyed hash of the
-- address is kept (report_address_key), never the address. The place is checked after the row is
-- written (a voice for no published place is a 404 that takes the row back with it), hence deferred.
CREATE TABLE report_voice (
  place_id     bigint NOT NULL REFERENCES unsafe_place (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  address_hash varchar(64) NOT NULL,
  added_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (place_id, address_hash)
);
