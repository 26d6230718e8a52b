-- Job-ended notifications (issue 15). Portable SQL: runs on H2 and PostgreSQL.

-- One webhook per account. why: the secret signs each event with HMAC, so it must be kept as it is
-- (a hash cannot sign); the API shows it once, when it is set or rotated, and never again.
create table notify_endpoints (
  account_id  varchar(128)  not null primary key,
  url         varchar(2048) not null,
  secret      varchar(100)  not null,
  updated_at  timestamp     not null
);

-- The outbox: one row per event to send. why: UNIQUE (job_id, state_key) makes "one event per job
-- state change" a database fact, so a listener run twice or a second instance cannot enqueue it
-- again; a sender claims a row with a conditional update, so two instances never both send it.
create table notify_events (
  event_id         varchar(36)   not null primary key,
  account_id       varchar(128)  not null,
  job_id           varchar(36)   not null,
  state_key        varchar(64)   not null,
  payload          varchar(4000) not null,
  -- pending | sending | delivered | gave_up | cancelled
  state            varchar(16)   not null,
  attempts         int           default 0 not null,
  created_at       timestamp     not null,
  next_attempt_at  timestamp     not null,
  claimed_until    timestamp,
  delivered_at     timestamp,
  last_error       varchar(500),
  constraint notify_events_once_per_state_change unique (job_id, state_key)
);

create index notify_events_due on notify_events (state, next_attempt_at);
create index notify_events_account on notify_events (account_id, created_at);
