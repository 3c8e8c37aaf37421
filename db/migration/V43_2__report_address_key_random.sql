-- The key of the client addresses' hash was made of random(), which is no cryptographic source: made
-- anew from gen_random_uuid() (PostgreSQL 13+, the server's strong random source), two version 4 UUIDs'
-- hex (244 random bits) in the key's 64 characters. The sendings counted under the old key can match
-- no address now and are deleted (the rate limit's window starts afresh); a voice already counted
-- under the old key may count once more.
UPDATE report_address_key
SET key = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
DELETE FROM report_submission;
