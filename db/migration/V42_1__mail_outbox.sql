-- The mail outbox (issue #15): a message is queued in the transaction of the change that causes it and
-- sent later by the app (MailSender), so a slow or absent SMTP server never holds a request and a change
-- that is rolled back sends nothing. A sent message is deleted; one that could not be sent within a day
-- is given up and deleted too, so no address stays here longer.
CREATE TABLE mail_outbox (
  id              bigserial PRIMARY KEY,
  recipient       varchar(254) NOT NULL,
  subject         varchar(500) NOT NULL,
  body            text NOT NULL,
  headers         jsonb NOT NULL DEFAULT '{}',
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at);

-- The key that signs the links of messages (confirm, unsubscribe), made once per installation.
CREATE TABLE mail_link_key (
  key varchar(64) NOT NULL
);
INSERT INTO mail_link_key (key)
SELECT md5(random()::text || clock_timestamp()::text) || md5(random()::text || clock_timestamp()::text);
