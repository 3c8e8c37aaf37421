-- A counter per kind of public data (issue #13): each transaction that changes such data adds one to
-- its counter just before it commits, so a reader that reads the counter before the data never pairs
-- a newer counter with older data. Public answers name their data by it in their ETag, found by one
-- primary-key lookup instead of hashing the answer.
CREATE TABLE data_version (
  name    varchar(30) PRIMARY KEY,
  version bigint      NOT NULL CHECK (version >= 0)
);
