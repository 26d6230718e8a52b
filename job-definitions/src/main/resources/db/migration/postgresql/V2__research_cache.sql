-- Provider answers shared between jobs (and JVMs on the same database); see JdbcResponseCache.
CREATE TABLE research_cache (
    cache_key  VARCHAR(64) PRIMARY KEY,
    kind       VARCHAR(16) NOT NULL,
    payload    TEXT        NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    expires_at TIMESTAMP   NOT NULL
);
CREATE INDEX research_cache_expiry ON research_cache (expires_at);
