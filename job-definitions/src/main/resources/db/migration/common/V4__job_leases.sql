-- Which process runs which job execution, and when it last said so. Recovery only touches
-- executions whose process is gone (same host: pid not alive; other host: heartbeat stale).
CREATE TABLE job_leases (
    job_execution_id BIGINT       PRIMARY KEY,
    host             VARCHAR(255) NOT NULL,
    pid              BIGINT       NOT NULL,
    heartbeat_at     TIMESTAMP    NOT NULL
);
