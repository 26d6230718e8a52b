package io.leadline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class MigrateWhenBehindTest {

	private final MigrateWhenBehind strategy = new MigrateWhenBehind();

	private DriverManagerDataSource database;

	@BeforeEach
	void emptyDatabase() {
		database = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

	@Test
	void migratesAnEmptyDatabase() {
		strategy.migrate(flyway());

		assertThat(appliedCount()).isEqualTo(shippedCount());
	}

	@Test
	void leavesFlywayAloneWhenEveryShippedMigrationIsApplied() {
		flyway().migrate();
		Flyway flyway = spy(flyway());

		strategy.migrate(flyway);

		verify(flyway, never()).migrate();
	}

	@Test
	void runsFlywayWhenAMigrationIsMissingEvenBelowTheNewest() {
		flyway().migrate();
		JdbcClient.create(database).sql("delete from \"flyway_schema_history\" where \"version\" = '3'").update();
		Flyway flyway = flywayThatOnlyCounts();

		strategy.migrate(flyway);

		verify(flyway).migrate();
	}

	@Test
	void runsFlywayWhenAMigrationFailed() {
		flyway().migrate();
		JdbcClient.create(database)
			.sql("update \"flyway_schema_history\" set \"success\" = false where \"version\" = '4'")
			.update();
		Flyway flyway = flywayThatOnlyCounts();

		strategy.migrate(flyway);

		verify(flyway).migrate();
	}

	// why: the history is doctored, so a real migrate would fail; the question is only
	// whether Flyway gets to judge
	private Flyway flywayThatOnlyCounts() {
		Flyway flyway = spy(flyway());
		doReturn(null).when(flyway).migrate();
		return flyway;
	}

	private Flyway flyway() {
		return ShippedMigrations.flyway(database);
	}

	private long appliedCount() {
		return JdbcClient.create(database)
			.sql("select count(*) from \"flyway_schema_history\" where \"version\" is not null and \"success\"")
			.query(Long.class)
			.single();
	}

	private long shippedCount() {
		return flyway().info().all().length;
	}

}
