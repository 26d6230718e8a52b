package io.leadline.app.notify;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;

/**
 * The outbox's guarantees (one event per state change, one sender per event) on
 * PostgreSQL, as production runs it: the same tests as {@link NotificationOutboxTest}.
 */
class NotificationOutboxPostgresIT extends NotificationOutboxTest {

	private static final EmbeddedPostgres POSTGRES;

	private static final DataSource PG;

	static {
		try {
			POSTGRES = EmbeddedPostgres.builder().start();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		PG = POSTGRES.getPostgresDatabase();
		Flyway.configure()
			.dataSource(PG)
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
			.load()
			.migrate();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		POSTGRES.close();
	}

	@Override
	DataSource db() {
		return PG;
	}

}
