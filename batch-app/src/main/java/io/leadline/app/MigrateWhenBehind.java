package io.leadline.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Runs Flyway only when the database is behind the migrations this build ships. Every
 * command opens the database, and a full migrate (scan, validate every applied script's
 * checksum) costs a noticeable part of a command's start; when every versioned script on
 * the classpath is in the history as applied and nothing failed, there is nothing to do.
 * Versions are compared as sets, since a lower-numbered migration may arrive after a
 * higher one (out of order). A new migration, a failed one, an empty database or any
 * surprise runs Flyway as before.
 */
@Component
public class MigrateWhenBehind implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(MigrateWhenBehind.class);

	private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.*\\.sql");

	@Override
	public void migrate(Flyway flyway) {
		Configuration configuration = flyway.getConfiguration();
		if (isCurrent(configuration.getDataSource(), List.of(configuration.getLocations()), configuration.getTable(),
				configuration.getClassLoader())) {
			log.debug("all migrations are applied; none to run");
			return;
		}
		flyway.migrate();
	}

	/**
	 * True when every versioned script in {@code locations} is in the history
	 * {@code table} as applied and no migration failed; false when anything is missing,
	 * failed or not understood (then Flyway must judge).
	 */
	public static boolean isCurrent(DataSource dataSource, List<Location> locations, String table,
			ClassLoader classLoader) {
		Optional<Set<MigrationVersion>> shipped = shipped(locations, classLoader);
		Optional<Set<MigrationVersion>> applied = applied(dataSource, table);
		return shipped.isPresent() && applied.isPresent() && applied.get().containsAll(shipped.get());
	}

	/** Empty when a location holds something this check does not understand. */
	private static Optional<Set<MigrationVersion>> shipped(List<Location> locations, ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		Set<MigrationVersion> versions = new HashSet<>();
		try {
			for (Location location : locations) {
				if (!location.isClassPath()) {
					return Optional.empty();
				}
				for (Resource script : resolver.getResources("classpath*:" + location.getRootPath() + "/*")) {
					Matcher versioned = VERSIONED.matcher(String.valueOf(script.getFilename()));
					if (!versioned.matches()) {
						// why: a repeatable or Java migration can change without a new
						// version; let Flyway judge
						return Optional.empty();
					}
					versions.add(MigrationVersion.fromVersion(versioned.group(1).replace('_', '.')));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return versions.isEmpty() ? Optional.empty() : Optional.of(versions);
	}

	/** Empty when there is no history yet or any migration failed. */
	private static Optional<Set<MigrationVersion>> applied(DataSource dataSource, String table) {
		// why: Flyway creates its history with quoted lower-case names, which H2 keeps
		// case-sensitive
		String sql = "select \"version\", \"success\" from \"" + table + "\" where \"version\" is not null";
		Set<MigrationVersion> versions = new HashSet<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				if (!rows.getBoolean("success")) {
					return Optional.empty();
				}
				versions.add(MigrationVersion.fromVersion(rows.getString("version")));
			}
		}
		catch (SQLException noHistoryYet) {
			return Optional.empty();
		}
		return Optional.of(versions);
	}

}
