package io.leadline.app.cli;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.flywaydb.core.api.Location;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.leadline.app.EmbeddedDatabasePassword;
import io.leadline.app.MigrateWhenBehind;

/**
 * The database as a command that only reads it reaches it without the application: the
 * same settings ({@code spring.datasource.*} from the environment and
 * {@code application.yml}, the embedded database's generated password), one plain JDBC
 * connection, and only when the schema is current. A database that is behind, missing or
 * cannot be opened this way is left to the {@link Engine}, which migrates it first or
 * says why it cannot start.
 */
final class DirectDatabase implements AutoCloseable {

	private static final String LOCATIONS = "spring.flyway.locations";

	/** Flyway's history table; the application keeps Flyway's default name. */
	private static final String HISTORY = "flyway_schema_history";

	private final SingleConnectionDataSource dataSource;

	private DirectDatabase(SingleConnectionDataSource dataSource) {
		this.dataSource = dataSource;
	}

	static Optional<DirectDatabase> openIfCurrent() {
		SingleConnectionDataSource dataSource = null;
		try {
			StandardEnvironment environment = CliSettings.environment();
			new EmbeddedDatabasePassword().postProcessEnvironment(environment, null);
			String url = environment.getRequiredProperty("spring.datasource.url");
			dataSource = new SingleConnectionDataSource(url, environment.getProperty("spring.datasource.username", ""),
					environment.getProperty("spring.datasource.password", ""), true);
			if (!MigrateWhenBehind.isCurrent(dataSource, locations(environment, url),
					environment.getProperty("spring.flyway.table", HISTORY), DirectDatabase.class.getClassLoader())) {
				dataSource.destroy();
				return Optional.empty();
			}
			return Optional.of(new DirectDatabase(dataSource));
		}
		catch (RuntimeException e) {
			// why: whatever goes wrong here, the Engine's start reports it properly
			if (dataSource != null) {
				dataSource.destroy();
			}
			return Optional.empty();
		}
	}

	SingleConnectionDataSource dataSource() {
		return dataSource;
	}

	/** The migration locations, {@code {vendor}} resolved as Boot resolves it. */
	private static List<Location> locations(StandardEnvironment environment, String url) {
		String vendor = DatabaseDriver.fromJdbcUrl(url).getId();
		return List.of(environment.getRequiredProperty(LOCATIONS, String[].class))
			.stream()
			.map(location -> new Location(location.strip().replace("{vendor}", vendor)))
			.toList();
	}

	@Override
	public void close() throws SQLException {
		dataSource.destroy();
	}

}
