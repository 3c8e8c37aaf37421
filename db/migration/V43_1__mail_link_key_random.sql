-- The key that signs the links of messages was made of random(), which is no cryptographic source:
-- made anew from gen_random_uuid() (PostgreSQL 13+, the server's strong random source), two version 4
-- UUIDs' hex (244 random bits) in the key's 64 characters. Links in messages sent before stop working.
UPDATE mail_link_key
SET key = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
