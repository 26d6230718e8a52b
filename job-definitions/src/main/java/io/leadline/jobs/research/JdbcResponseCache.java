package io.leadline.jobs.research;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import io.leadline.jobs.storage.SqlUpsert;

/**
 * The response cache in the {@code research_cache} table: shared by every JVM on the same
 * database, entries live for a configurable time. A failing cache never fails a row: the
 * call is made.
 */
public final class JdbcResponseCache implements ResponseCache {

	private final JdbcTemplate jdbc;

	private final Duration ttl;

	private final Clock clock;

	private final SqlUpsert put;

	public JdbcResponseCache(JdbcTemplate jdbc, Duration ttl, Clock clock) {
		this.jdbc = jdbc;
		this.ttl = ttl;
		this.clock = clock;
		this.put = SqlUpsert.of(jdbc, "research_cache", "cache_key", "kind", "payload", "created_at", "expires_at");
	}

	@Override
	public Optional<String> get(String key) {
		List<String> values = jdbc.queryForList(
				"SELECT payload FROM research_cache WHERE cache_key = ? AND expires_at > ?", String.class, key,
				Timestamp.from(clock.instant()));
		return values.stream().findFirst();
	}

	@Override
	public void put(String key, String kind, String value) {
		Instant now = clock.instant();
		Timestamp created = Timestamp.from(now);
		Timestamp expires = Timestamp.from(now.plus(ttl));
		// why: rows of the same company finish together, and an expired entry is still
		// there; one upsert keeps the later answer without a duplicate-key error that
		// would
		// spoil a surrounding transaction on PostgreSQL
		jdbc.update(put.sql(), key, kind, value, created, expires);
	}

	/** Deletes expired entries; returns how many. */
	public int purgeExpired() {
		return jdbc.update("DELETE FROM research_cache WHERE expires_at <= ?", Timestamp.from(clock.instant()));
	}

}
