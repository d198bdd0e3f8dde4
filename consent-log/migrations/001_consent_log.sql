-- The consent log: notices (what visitors were shown, each stored once), records (one per decision,
-- partitioned by month of receipt so retention drops whole partitions), the ids already received
-- (idempotency across partitions) and the daily seals (tamper evidence).

CREATE TABLE consent_notices (
  hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
  content jsonb NOT NULL,
  first_seen_at timestamptz NOT NULL
);

-- Monthly partitions are created ahead of time by the server (see partitions.mjs).
CREATE TABLE consent_records (
  received_at timestamptz NOT NULL,
  record_id text NOT NULL,
  consent_id text NOT NULL,
  action text NOT NULL,
  granted text[] NOT NULL,
  denied text[] NOT NULL,
  method text NOT NULL,
  revision bigint NOT NULL,
  language text NOT NULL,
  gpc boolean NOT NULL,
  given_at bigint NOT NULL,
  changed_at bigint NOT NULL,
  url text NOT NULL,
  notice_hash text NOT NULL,
  component_name text NOT NULL,
  component_version text NOT NULL,
  origin text NOT NULL,
  ua_browser text,
  ua_major text,
  ua_device text,
  ip_prefix text,
  PRIMARY KEY (received_at, record_id)
) PARTITION BY RANGE (received_at);

CREATE INDEX consent_records_consent_id ON consent_records (consent_id, received_at);

-- A unique key on a partitioned table must include the partition key, so the idempotency key
-- lives here; rows past retention are deleted with the partitions.
CREATE TABLE consent_record_ids (
  record_id text PRIMARY KEY,
  received_at timestamptz NOT NULL
);

CREATE INDEX consent_record_ids_received_at ON consent_record_ids (received_at);

-- seal = SHA-256(previous seal, day, record count, records hash): see seals.mjs.
CREATE TABLE consent_seals (
  day date PRIMARY KEY,
  record_count bigint NOT NULL,
  records_hash text NOT NULL,
  previous_seal text NOT NULL,
  seal text NOT NULL,
  sealed_at timestamptz NOT NULL
);
