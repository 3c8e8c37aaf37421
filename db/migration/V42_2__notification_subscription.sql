-- E-mail subscriptions to what happens in a district or a whole municipality (issue #15): double opt-in
-- (confirmed_at stays empty until the link in the confirmation mail is followed and its page's button
-- pressed; unconfirmed rows are deleted after 7 days), one digest mail per interval at most
-- (last_digest_at). Unsubscribing deletes the row, and with it the address.
CREATE TABLE subscription (
  id               bigserial PRIMARY KEY,
  municipality_id  bigint NOT NULL REFERENCES municipality (id) ON DELETE CASCADE,
  neighbourhood_id bigint REFERENCES neighbourhood (id) ON DELETE CASCADE,
  email            varchar(254) NOT NULL,
  language         varchar(2) NOT NULL CHECK (language IN ('sv', 'en')),
  confirmed_at     timestamptz,
  last_digest_at   timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX subscription_address_idx ON subscription (municipality_id, COALESCE(neighbourhood_id, 0), lower(email));

-- When the app first saw each entry of the feeds: a digest holds the entries first seen since the
-- subscriber's last one, also those dated back (a measure marked done today "on 3 March").
CREATE TABLE feed_entry_seen (
  municipality_id bigint NOT NULL REFERENCES municipality (id) ON DELETE CASCADE,
  entry_key       varchar(100) NOT NULL,
  first_seen_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, entry_key)
);
CREATE INDEX feed_entry_seen_time_idx ON feed_entry_seen (municipality_id, first_seen_at);

-- What happened before subscriptions existed is no news to anyone.
INSERT INTO feed_entry_seen (municipality_id, entry_key, first_seen_at)
SELECT municipality_id, 'measure-' || measure_id || '-' || position, '-infinity'::timestamptz FROM measure_status_event
WHERE changed_on <= current_date
UNION ALL
SELECT municipality_id, 'activity-' || id, '-infinity'::timestamptz FROM activity_event WHERE starts_on <= current_date;
