package io.leadline.app;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Flyway over the migrations this build ships for H2, as the application configures it.
 */
public final class ShippedMigrations {

	private ShippedMigrations() {
	}

	public static Flyway flyway(DataSource database) {
		return Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.outOfOrder(true)
			.load();
	}

	/**
	 * A new in-memory H2 database, named after {@code purpose}, with every migration
	 * applied.
	 */
	public static DataSource freshDatabase(String purpose) {
		var database = new DriverManagerDataSource(
				"jdbc:h2:mem:" + purpose + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		flyway(database).migrate();
		return database;
	}

}
