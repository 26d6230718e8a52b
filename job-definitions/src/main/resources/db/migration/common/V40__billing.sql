-- Self-serve billing (Stripe). Portable SQL: runs on H2 and PostgreSQL.

-- A purchase is booked once per Stripe object (invoice or Checkout Session id): the reference is unique,
-- so a replayed or concurrent webhook cannot credit twice even if every other check failed.
ALTER TABLE ledger ADD COLUMN reference VARCHAR(255);
ALTER TABLE ledger ADD COLUMN amount_paid BIGINT;
ALTER TABLE ledger ADD COLUMN currency VARCHAR(3);
CREATE UNIQUE INDEX ledger_reference ON ledger (reference);

-- The account's email (from the token or the web sign-in), shown on the account.
ALTER TABLE accounts ADD COLUMN email VARCHAR(320);

-- The Stripe customer of an account, linked by checkout.session.completed.
CREATE TABLE billing_customers (
  account_id         VARCHAR(128) NOT NULL PRIMARY KEY REFERENCES accounts (id),
  stripe_customer_id VARCHAR(255) NOT NULL,
  CONSTRAINT billing_customers_one_account UNIQUE (stripe_customer_id)
);

-- The state of each Stripe subscription as the newest event seen shows it. state_at is that event's
-- `created` (epoch seconds): an older event arriving late never overwrites a newer state.
CREATE TABLE billing_subscriptions (
  subscription_id      VARCHAR(255) NOT NULL PRIMARY KEY,
  account_id           VARCHAR(128) REFERENCES accounts (id),
  customer_id          VARCHAR(255),
  plan                 VARCHAR(40),
  price_id             VARCHAR(255),
  status               VARCHAR(40)  NOT NULL,
  renews_at            TIMESTAMP,
  cancel_at_period_end BOOLEAN      DEFAULT FALSE NOT NULL,
  state_at             BIGINT       NOT NULL,
  updated_at           TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL
);

CREATE INDEX billing_subscriptions_account ON billing_subscriptions (account_id, state_at);

-- Every Stripe event applied, by its id: a replay or Stripe's own retry finds its id here and changes nothing.
CREATE TABLE stripe_events (
  id          VARCHAR(255) NOT NULL PRIMARY KEY,
  type        VARCHAR(100) NOT NULL,
  received_at TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL
);
