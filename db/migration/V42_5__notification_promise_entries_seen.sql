-- The promises made before the feeds carried them are no news to subscribers.
INSERT INTO feed_entry_seen (municipality_id, entry_key, first_seen_at)
SELECT municipality_id, 'promise-' || id, '-infinity'::timestamptz FROM promise_event
WHERE published_on <= current_date AND municipality_id IS NOT NULL
ON CONFLICT DO NOTHING;
