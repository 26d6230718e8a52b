package io.leadline.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The same Flyway migrations give H2 (embedded default) and PostgreSQL (production) the
 * same app tables.
 */
class MigrationParityIT {

	@Test
	void h2AndPostgresqlGetTheSameAppTables() throws Exception {
		String h2 = "jdbc:h2:mem:parity;DB_CLOSE_DELAY=-1";
		migrate(h2, "sa", "", "h2");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			String pg = postgres.getJdbcUrl("postgres", "postgres");
			migrate(pg, "postgres", "", "postgresql");

			Map<String, String> onH2 = appColumns(h2, "sa", "PUBLIC");
			Map<String, String> onPostgres = appColumns(pg, "postgres", "public");

			assertThat(onH2).isNotEmpty().containsKeys("research_cache.payload", "job_leases.heartbeat_at");
			assertThat(onPostgres).isEqualTo(onH2);
		}
	}

	private static void migrate(String url, String user, String password, String vendor) {
		Flyway.configure()
			.dataSource(url, user, password)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.load()
			.migrate();
	}

	/**
	 * table.column → type and nullability, for every table that is not Batch's or
	 * Flyway's.
	 */
	private static Map<String, String> appColumns(String url, String user, String schema) throws SQLException {
		Map<String, String> columns = new TreeMap<>();
		try (Connection db = DriverManager.getConnection(url, user, "");
				ResultSet rs = db.getMetaData().getColumns(null, schema, "%", "%")) {
			while (rs.next()) {
				String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if (table.startsWith("batch_") || table.startsWith("flyway_")) {
					continue;
				}
				String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
				columns.put(table + "." + column, type(rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"))
						+ (rs.getInt("NULLABLE") == 0 ? " not null" : ""));
			}
		}
		return columns;
	}

	private static String type(String name, int size) {
		String type = name.toLowerCase(Locale.ROOT);
		// why: H2 turns TEXT into CHARACTER VARYING of its maximum length; both are
		// unbounded text
		if (type.contains("char") && size >= 1_000_000_000) {
			return "text";
		}
		if (type.contains("char") && !type.contains("large")) {
			return "varchar(" + size + ")";
		}
		if (type.equals("text") || type.contains("clob") || type.contains("large object")) {
			return "text";
		}
		if (type.startsWith("timestamp")) {
			return "timestamp";
		}
		if (type.equals("int8") || type.equals("bigint") || type.equals("bigserial")) {
			return "bigint";
		}
		if (type.equals("int4") || type.equals("integer") || type.equals("serial")) {
			return "integer";
		}
		if (type.equals("bool") || type.equals("boolean")) {
			return "boolean";
		}
		return type;
	}

}
