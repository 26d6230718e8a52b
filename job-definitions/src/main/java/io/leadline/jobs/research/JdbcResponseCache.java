package io.leadline.jobs.research;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The response cache in the {@code research_cache} table: shared by every JVM on the same
 * database, entries live for a configurable time. A failing cache never fails a row: the
 * call is made.
 */
public final class JdbcResponseCache implements ResponseCache {

	private final JdbcTemplate jdbc;

	private final Duration ttl;

	private final Clock clock;

	public JdbcResponseCache(JdbcTemplate jdbc, Duration ttl, Clock clock) {
		this.jdbc = jdbc;
		this.ttl = ttl;
		this.clock = clock;
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
		try {
			jdbc.update(
					"INSERT INTO research_cache (cache_key, kind, payload, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
					key, kind, value, created, expires);
		}
		catch (DuplicateKeyException raced) {
			// why: two rows of the same company may finish together; the later answer is
			// as good
			jdbc.update("UPDATE research_cache SET payload = ?, created_at = ?, expires_at = ? WHERE cache_key = ?",
					value, created, expires, key);
		}
	}

	/** Deletes expired entries; returns how many. */
	public int purgeExpired() {
		return jdbc.update("DELETE FROM research_cache WHERE expires_at <= ?", Timestamp.from(clock.instant()));
	}

}
