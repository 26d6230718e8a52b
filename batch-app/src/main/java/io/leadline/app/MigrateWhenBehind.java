package io.leadline.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * checksum) costs a noticeable part of a command's start; when the history's newest
 * successful version is the newest one on the classpath and nothing failed, there is
 * nothing to do. A new migration, a failed one, an empty database or any surprise runs
 * Flyway as before.
 */
@Component
class MigrateWhenBehind implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(MigrateWhenBehind.class);

	private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.*\\.sql");

	@Override
	public void migrate(Flyway flyway) {
		Configuration configuration = flyway.getConfiguration();
		Optional<MigrationVersion> shipped = newestShipped(configuration);
		Optional<MigrationVersion> applied = newestApplied(configuration);
		if (shipped.isPresent() && shipped.equals(applied)) {
			log.debug("schema is at version {}; no migration to run", applied.get());
			return;
		}
		flyway.migrate();
	}

	/** Empty when a location holds something this check does not understand. */
	private static Optional<MigrationVersion> newestShipped(Configuration configuration) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				configuration.getClassLoader());
		MigrationVersion newest = MigrationVersion.EMPTY;
		try {
			for (Location location : configuration.getLocations()) {
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
					MigrationVersion version = MigrationVersion.fromVersion(versioned.group(1).replace('_', '.'));
					newest = version.compareTo(newest) > 0 ? version : newest;
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return newest == MigrationVersion.EMPTY ? Optional.empty() : Optional.of(newest);
	}

	/** Empty when there is no history yet or any migration failed. */
	private static Optional<MigrationVersion> newestApplied(Configuration configuration) {
		// why: Flyway creates its history with quoted lower-case names, which H2 keeps
		// case-sensitive
		String sql = "select \"version\", \"success\" from \"" + configuration.getTable()
				+ "\" where \"version\" is not null";
		MigrationVersion newest = MigrationVersion.EMPTY;
		try (Connection connection = configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				if (!rows.getBoolean("success")) {
					return Optional.empty();
				}
				MigrationVersion version = MigrationVersion.fromVersion(rows.getString("version"));
				newest = version.compareTo(newest) > 0 ? version : newest;
			}
		}
		catch (SQLException noHistoryYet) {
			return Optional.empty();
		}
		return newest == MigrationVersion.EMPTY ? Optional.empty() : Optional.of(newest);
	}

}
