package io.leadline.app;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

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

}
