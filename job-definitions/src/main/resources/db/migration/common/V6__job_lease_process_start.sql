-- When the process holding a lease started. A pid alone names a process only while it lives: a
-- restarted container gets the same hostname and often the same small pid, and must not mistake
-- its dead predecessor's jobs for its own. Null on leases written before this column existed.
ALTER TABLE job_leases ADD COLUMN process_started_at TIMESTAMP;
