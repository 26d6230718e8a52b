package io.leadline.jobs.storage;

import java.sql.DatabaseMetaData;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One statement that inserts a row or, when its key exists, overwrites it: the shape two
 * threads or processes writing the same row need, where "delete then insert" or "insert,
 * on duplicate update" fails when they interleave. PostgreSQL's
 * {@code INSERT ... ON CONFLICT DO UPDATE} is atomic; H2's {@code MERGE ... KEY} is the
 * embedded equivalent. Parameters are bound in column order:
 *
 * <pre>{@code
 * SqlUpsert lease = SqlUpsert.of(jdbc, "job_leases", "job_execution_id", "host", "pid");
 * jdbc.update(lease.sql(), executionId, host, pid);
 * }</pre>
 */
public record SqlUpsert(String sql) {

	/** For the database behind {@code jdbc}; the key column comes first. */
	public static SqlUpsert of(JdbcTemplate jdbc, String table, String key, String... others) {
		List<String> columns = columns(key, others);
		String names = String.join(", ", columns);
		String marks = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
		if (isPostgres(jdbc)) {
			String updates = Arrays.stream(others)
				.map(column -> column + " = EXCLUDED." + column)
				.collect(Collectors.joining(", "));
			return new SqlUpsert("INSERT INTO %s (%s) VALUES (%s) ON CONFLICT (%s) DO UPDATE SET %s".formatted(table,
					names, marks, key, updates));
		}
		return new SqlUpsert("MERGE INTO %s (%s) KEY (%s) VALUES (%s)".formatted(table, names, key, marks));
	}

	private static List<String> columns(String key, String... others) {
		if (others.length == 0) {
			throw new IllegalArgumentException("an upsert of " + key + " needs a column to write");
		}
		return Stream.concat(Stream.of(key), Arrays.stream(others)).toList();
	}

	private static boolean isPostgres(JdbcTemplate jdbc) {
		String product = jdbc.execute((ConnectionCallback<String>) connection -> {
			DatabaseMetaData meta = connection.getMetaData();
			return meta.getDatabaseProductName();
		});
		return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
	}

}
