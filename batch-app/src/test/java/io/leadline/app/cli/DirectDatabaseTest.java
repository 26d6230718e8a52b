package io.leadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.leadline.app.ShippedMigrations;
import io.leadline.app.jobs.JobPages;

/**
 * {@code jobs} skips the application only on a database whose schema is current; one that
 * is empty or behind goes to the Engine, which migrates it.
 */
class DirectDatabaseTest {

	private static final String URL = "LEADLINE_DB_URL";

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final DriverManagerDataSource database = new DriverManagerDataSource(url, "sa", "");

	@BeforeEach
	void pointTheSettingsAtATestDatabase() {
		System.setProperty(URL, url);
	}

	@AfterEach
	void forgetIt() {
		System.clearProperty(URL);
	}

	@Test
	void leavesAnEmptyDatabaseToTheEngine() {
		assertThat(DirectDatabase.openIfCurrent()).isEmpty();
	}

	@Test
	void readsAPageOfJobsStraightFromACurrentSchema() throws Exception {
		flyway().migrate();

		Optional<DirectDatabase> direct = DirectDatabase.openIfCurrent();

		assertThat(direct).isPresent();
		try (DirectDatabase open = direct.get()) {
			assertThat(JobPages.of(open.dataSource()).page(Optional.empty(), Optional.empty(), 0, 20)).isEmpty();
		}
	}

	@Test
	void leavesADatabaseBehindTheShippedMigrationsToTheEngine() {
		flyway().migrate();
		JdbcClient.create(database).sql("delete from \"flyway_schema_history\" where \"version\" = '3'").update();

		assertThat(DirectDatabase.openIfCurrent()).isEmpty();
	}

	private Flyway flyway() {
		return ShippedMigrations.flyway(database);
	}

}
