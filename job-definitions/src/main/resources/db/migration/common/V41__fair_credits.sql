-- A fair credit policy. Portable SQL: runs on H2 and PostgreSQL.

-- A failed run gives back the credits of the rows it did not do at once (RETURN), and a restart reserves
-- again for the rows still to do: a job may now hold several rounds, each one RESERVE and at most one RETURN.
-- SETTLE and RELEASE still close the job once (ledger_closes_job_once).
ALTER TABLE ledger ADD COLUMN job_round INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE ledger DROP CONSTRAINT ledger_once_per_job;
ALTER TABLE ledger ADD CONSTRAINT ledger_once_per_job_round UNIQUE (job_id, kind, job_round);

-- Rows an account had researched, by fingerprint (email and service context), and the job that did it.
-- A later row with the same fingerprint whose answers all come from the cache is free once that job settled:
-- re-running a list you already paid for costs nothing.
CREATE TABLE researched_rows (
  account_id  VARCHAR(128) NOT NULL,
  fingerprint VARCHAR(64)  NOT NULL,
  job_id      VARCHAR(36)  NOT NULL,
  CONSTRAINT researched_rows_key PRIMARY KEY (account_id, fingerprint, job_id)
);
