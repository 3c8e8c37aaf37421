-- What a subscriber's digests have held so far, apart from when the last was sent: the entries first
-- seen up to news_through (the digest's clock time, or its last entry's when it held only the first
-- 50), so that every entry is in exactly one digest, while last_digest_at keeps to one mail per interval.
ALTER TABLE subscription ADD COLUMN news_through timestamptz;
UPDATE subscription SET news_through = last_digest_at;
