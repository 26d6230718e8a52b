-- A job's reservation is closed once: by a SETTLE (completed) or a RELEASE (abandoned, deleted, expired),
-- never both. UNIQUE(job_id, kind) alone allows one of each, so a settle racing a release could give the
-- charged rows back for free; closes_job carries the job id on the closing rows and is unique.
alter table ledger add column closes_job varchar(36);

update ledger set closes_job = job_id where kind = 'SETTLE' or kind = 'RELEASE';

alter table ledger add constraint ledger_closes_job_once unique (closes_job);

-- why: one small check per kind, not an IN list or an OR of kinds: H2 turns those into a constant set
-- bound to the session that created the constraint, and fails every insert once Flyway's session closed
alter table ledger add constraint ledger_settle_closes_its_job check (kind <> 'SETTLE' or closes_job = job_id);
alter table ledger add constraint ledger_release_closes_its_job check (kind <> 'RELEASE' or closes_job = job_id);
alter table ledger add constraint ledger_closes_only_its_own_job check (closes_job is null or closes_job = job_id);
