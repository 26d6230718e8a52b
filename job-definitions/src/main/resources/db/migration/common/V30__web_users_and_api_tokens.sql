-- Local web accounts and personal API tokens. Portable SQL: runs on H2 and PostgreSQL.
-- A web user signs in with email + password and acts as the account accounts.id = account_id,
-- the same id an API token's sub names, so web and API share credits, jobs and ledger.

create table web_users (
  email           varchar(254) not null primary key,
  account_id      varchar(128) not null,
  password_hash   varchar(200) not null,
  admin           boolean      default false not null,
  -- why: repeated failed sign-ins are slowed, then locked until locked_until
  failed_sign_ins int          default 0 not null,
  locked_until    timestamp,
  created_at      timestamp    default current_timestamp not null,
  constraint web_users_one_per_account unique (account_id)
);

create table api_tokens (
  id           varchar(36)  not null primary key,
  account_id   varchar(128) not null,
  name         varchar(100) not null,
  -- why: only the SHA-256 of the token is kept; the token itself is shown once
  token_hash   varchar(64)  not null,
  created_at   timestamp    default current_timestamp not null,
  last_used_at timestamp,
  revoked_at   timestamp,
  constraint api_tokens_hash_unique unique (token_hash)
);

create index api_tokens_account on api_tokens (account_id, created_at);
